import { withWorkspace, json } from "@/lib/api/with-workspace";
import { replayDelivery } from "@/lib/deliveries/resend";

export const POST = withWorkspace(async (_req, ctx, { id }) => json(await replayDelivery(ctx.workspaceId, id), 202), { scope: "deliveries:write" });
