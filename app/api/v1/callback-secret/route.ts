import { withWorkspace, json } from "@/lib/api/with-workspace";
import { callbackSecret } from "@/lib/events/callback-endpoint";

// Revealing a signing secret lets its holder forge callbacks: write scope, like rotating it would.
export const GET = withWorkspace(async (_req, ctx) => json({ secret: await callbackSecret(ctx.workspaceId) }), {
  scope: "webhooks:write",
});
