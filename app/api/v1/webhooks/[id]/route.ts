import { withWorkspace, readJson, json } from "@/lib/api/with-workspace";
import { webhookUpdateSchema } from "@/lib/validation/webhook";
import { deleteWebhook, getWebhook, updateWebhook } from "@/lib/webhooks/service";

const MAX_BODY = 64 * 1024;

export const GET = withWorkspace(async (_req, ctx, { id }) => json(await getWebhook(ctx.workspaceId, id)), {
  scope: "webhooks:read",
});

const update = withWorkspace(
  async (req, ctx, { id }) => {
    const input = webhookUpdateSchema.parse(await readJson(req, MAX_BODY));
    return json(await updateWebhook(ctx.workspaceId, id, input));
  },
  { scope: "webhooks:write" },
);
export const PUT = update;
export const PATCH = update;

export const DELETE = withWorkspace(
  async (_req, ctx, { id }) => {
    await deleteWebhook(ctx.workspaceId, id);
    return new Response(null, { status: 204 });
  },
  { scope: "webhooks:write" },
);
