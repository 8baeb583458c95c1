import { withWorkspace } from "@/lib/api/with-workspace";
import { deliveryContracts as api } from "@/lib/api/contracts/deliveries";
import { listDeadLetter } from "@/lib/deliveries/dead-letter";

export const GET = withWorkspace(api.deadLetter, async ({ ctx, query }) => listDeadLetter(ctx.workspaceId, query));
