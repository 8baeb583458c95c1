import { withWorkspace } from "@/lib/api/with-workspace";
import { webhookContracts as api } from "@/lib/api/contracts/webhooks";
import { testSend } from "@/lib/webhooks/test-send";

// A bare POST sends the AI Social Media Platform's webhook.test event.
export const POST = withWorkspace(api.test, async ({ ctx, params, body }) => testSend(ctx.workspaceId, params.id, { type: body.event_type, data: body.data }));
