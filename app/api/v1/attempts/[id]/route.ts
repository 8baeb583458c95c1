import { withWorkspace, json } from "@/lib/api/with-workspace";
import { getAttempt } from "@/lib/deliveries/detail";

export const GET = withWorkspace(async (_req, ctx, { id }) => json(await getAttempt(ctx.workspaceId, id)), { scope: "deliveries:read" });
