import { withWorkspace, json } from "@/lib/api/with-workspace";
import { webhookContracts as api } from "@/lib/api/contracts/webhooks";
import { revealCustomHeaders } from "@/lib/webhooks/custom-headers";

// Needs "webhooks:write", like the signing secret: custom header values are
// usually the receiver's credentials, which every other answer masks.
export const GET = withWorkspace(api.customHeaders, async ({ ctx, params }) => {
  const res = json(await revealCustomHeaders(ctx.workspaceId, params.id));
  res.headers.set("cache-control", "no-store");
  return res;
});
