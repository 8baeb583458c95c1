import { withWorkspace } from "@/lib/api/with-workspace";
import { deliveryContracts as api } from "@/lib/api/contracts/deliveries";
import { listDeliveries } from "@/lib/deliveries/list";

export const GET = withWorkspace(api.list, async ({ ctx, query }) => listDeliveries(ctx.workspaceId, query));
