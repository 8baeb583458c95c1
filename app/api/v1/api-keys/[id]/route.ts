import { withWorkspace } from "@/lib/api/with-workspace";
import { accountContracts as api } from "@/lib/api/contracts/account";
import { revokeApiKey } from "@/lib/api/api-keys";
import { notFound } from "@/lib/api/errors";

export const DELETE = withWorkspace(api.revokeKey, async ({ ctx, params }) => {
  const revoked = await revokeApiKey(ctx.workspaceId, params.id);
  if (!revoked) throw notFound("API key");
  return revoked;
});
