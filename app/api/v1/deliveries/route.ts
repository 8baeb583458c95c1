import { withWorkspace, json } from "@/lib/api/with-workspace";
import { deliveryFilterQuery } from "@/lib/validation/delivery";
import { listDeliveries } from "@/lib/deliveries/list";

export const GET = withWorkspace(
  async (req, ctx) => {
    const query = deliveryFilterQuery.parse(Object.fromEntries(req.nextUrl.searchParams));
    return json(await listDeliveries(ctx.workspaceId, query));
  },
  { scope: "deliveries:read" },
);
