import { withWorkspace, readJson, json } from "@/lib/api/with-workspace";
import { webhookCreateSchema } from "@/lib/validation/webhook";
import { createWebhook, listWebhooks } from "@/lib/webhooks/service";

const MAX_BODY = 64 * 1024;

export const GET = withWorkspace(async (_req, ctx) => json({ data: await listWebhooks(ctx.workspaceId) }), {
  scope: "webhooks:read",
});

export const POST = withWorkspace(
  async (req, ctx) => {
    const input = webhookCreateSchema.parse(await readJson(req, MAX_BODY));
    return json(await createWebhook(ctx.workspaceId, input), 201);
  },
  { scope: "webhooks:write" },
);
