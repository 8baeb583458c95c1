import { withWorkspace, json } from "@/lib/api/with-workspace";
import { getEvent } from "@/lib/events/list";

export const GET = withWorkspace(async (_req, ctx, { id }) => json(await getEvent(ctx.workspaceId, id)), { scope: "events:read" });
