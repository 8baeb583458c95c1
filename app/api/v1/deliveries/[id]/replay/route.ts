import { withWorkspace } from "@/lib/api/with-workspace";
import { deliveryContracts as api } from "@/lib/api/contracts/deliveries";
import { replayDelivery } from "@/lib/deliveries/resend";

export const POST = withWorkspace(api.replay, async ({ ctx, params }) => replayDelivery(ctx.workspaceId, params.id));
