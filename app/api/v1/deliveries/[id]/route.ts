import { withWorkspace } from "@/lib/api/with-workspace";
import { deliveryContracts as api } from "@/lib/api/contracts/deliveries";
import { getDelivery } from "@/lib/deliveries/detail";

export const GET = withWorkspace(api.get, async ({ ctx, params }) => getDelivery(ctx.workspaceId, params.id));
