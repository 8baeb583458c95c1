import { withWorkspace } from "@/lib/api/with-workspace";
import { deliveryContracts as api } from "@/lib/api/contracts/deliveries";
import { retryDeadLetters } from "@/lib/deliveries/dead-letter";

export const POST = withWorkspace(api.retryDeadLetter, async ({ ctx, body }) => ({
  retried: await retryDeadLetters(ctx.workspaceId, { ids: body.delivery_ids, webhookId: body.webhook_id }),
}));
