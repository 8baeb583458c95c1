import { withWorkspace } from "@/lib/api/with-workspace";
import { webhookContracts as api } from "@/lib/api/contracts/webhooks";
import { updateWebhook } from "@/lib/webhooks/service";

export const POST = withWorkspace(api.disable, async ({ ctx, params }) => updateWebhook(ctx.workspaceId, params.id, { status: "disabled" }));
