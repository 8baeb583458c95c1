import { withWorkspace } from "@/lib/api/with-workspace";
import { deliveryContracts as api } from "@/lib/api/contracts/deliveries";
import { getAttempt } from "@/lib/deliveries/detail";

export const GET = withWorkspace(api.attempt, async ({ ctx, params }) => getAttempt(ctx.workspaceId, params.id));
