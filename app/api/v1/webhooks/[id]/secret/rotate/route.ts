import { withWorkspace, json } from "@/lib/api/with-workspace";
import { webhookContracts as api } from "@/lib/api/contracts/webhooks";
import { rotateSecret } from "@/lib/webhooks/secrets";

// A bare POST (no body at all) means "generate one, default grace period".
export const POST = withWorkspace(api.rotateSecret, async ({ ctx, params, body }) => {
  const res = json(await rotateSecret(ctx.workspaceId, params.id, body));
  res.headers.set("cache-control", "no-store");
  return res;
});
