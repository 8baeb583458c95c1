import { withWorkspace } from "@/lib/api/with-workspace";
import { deliveryContracts as api } from "@/lib/api/contracts/deliveries";
import { listDeliveryAttempts } from "@/lib/deliveries/detail";

export const GET = withWorkspace(api.attempts, async ({ ctx, params, query }) => listDeliveryAttempts(ctx.workspaceId, params.id, query));
