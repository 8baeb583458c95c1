import { withWorkspace, json } from "@/lib/api/with-workspace";
import { updateWebhook } from "@/lib/webhooks/service";

export const POST = withWorkspace(async (_req, ctx, { id }) => json(await updateWebhook(ctx.workspaceId, id, { status: "disabled" })), {
  scope: "webhooks:write",
});
