import { withWorkspace } from "@/lib/api/with-workspace";
import { webhookContracts as api } from "@/lib/api/contracts/webhooks";
import { deleteWebhook, getWebhook, updateWebhook } from "@/lib/webhooks/service";

export const GET = withWorkspace(api.get, async ({ ctx, params }) => getWebhook(ctx.workspaceId, params.id));

// PUT and PATCH take the same partial update.
export const PUT = withWorkspace(api.replace, async ({ ctx, params, body }) => updateWebhook(ctx.workspaceId, params.id, body));
export const PATCH = withWorkspace(api.update, async ({ ctx, params, body }) => updateWebhook(ctx.workspaceId, params.id, body));

export const DELETE = withWorkspace(api.delete, async ({ ctx, params }) => {
  await deleteWebhook(ctx.workspaceId, params.id);
});
