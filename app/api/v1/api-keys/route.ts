import { withWorkspace, readJson, json } from "@/lib/api/with-workspace";
import { assertGrantable, createApiKey, listApiKeys } from "@/lib/api/api-keys";
import { apiKeyCreateSchema } from "@/lib/validation/api-key";

export const GET = withWorkspace(async (_req, ctx) => json({ data: await listApiKeys(ctx.workspaceId) }), { scope: "api_keys:read" });

// The full key is in this response only; afterwards only its prefix is shown.
// Without "scopes" the new key gets its creator's (a key's own, or a user's role's).
export const POST = withWorkspace(
  async (req, ctx) => {
    const input = apiKeyCreateSchema.parse(await readJson(req, 16 * 1024));
    const scopes = input.scopes ?? ctx.scopes;
    assertGrantable(scopes, ctx.scopes);
    const created = await createApiKey(ctx.workspaceId, input.name, scopes);
    return json({ id: created.id, name: input.name, key: created.key, prefix: created.prefix, scopes }, 201);
  },
  { scope: "api_keys:write" },
);
