import { withWorkspace, json } from "@/lib/api/with-workspace";
import { getDelivery } from "@/lib/deliveries/detail";

export const GET = withWorkspace(async (_req, ctx, { id }) => json(await getDelivery(ctx.workspaceId, id)), { scope: "deliveries:read" });
