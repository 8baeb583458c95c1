import { withWorkspace, json } from "@/lib/api/with-workspace";
import { webhookContracts as api } from "@/lib/api/contracts/webhooks";
import { revealSecret } from "@/lib/webhooks/secrets";

// Revealing needs "webhooks:write", not ":read": whoever holds the secret can
// forge deliveries the customer's receiver will trust, so read-only keys
// (monitoring, dashboards) and viewers must not be able to fetch it.
export const GET = withWorkspace(api.secret, async ({ ctx, params }) => {
  const res = json(await revealSecret(ctx.workspaceId, params.id));
  res.headers.set("cache-control", "no-store");
  return res;
});
