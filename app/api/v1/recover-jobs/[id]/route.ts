import { withWorkspace, json } from "@/lib/api/with-workspace";
import { getRecoverJob } from "@/lib/recover/service";

export const GET = withWorkspace(async (_req, ctx, { id }) => json(await getRecoverJob(ctx.workspaceId, id)), { scope: "deliveries:read" });
