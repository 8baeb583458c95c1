import { withWorkspace } from "@/lib/api/with-workspace";
import { accountContracts as api } from "@/lib/api/contracts/account";
import { assertGrantable, createApiKey, listApiKeys } from "@/lib/api/api-keys";

export const GET = withWorkspace(api.listKeys, async ({ ctx }) => ({ data: await listApiKeys(ctx.workspaceId) }));

// The full key is in this response only; afterwards only its prefix is shown.
// Without "scopes" the new key gets its creator's (a key's own, or a user's role's).
export const POST = withWorkspace(api.createKey, async ({ ctx, body }) => {
  const scopes = body.scopes ?? ctx.scopes;
  assertGrantable(scopes, ctx.scopes);
  const created = await createApiKey(ctx.workspaceId, body.name, scopes);
  return { id: created.id, name: body.name, key: created.key, prefix: created.prefix, scopes: [...scopes] };
});
