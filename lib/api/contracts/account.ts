import { z } from "zod";
import { contract } from "../contract";
import { FORM_BODY_BYTES } from "../body-limits";
import { apiKeyCreateSchema, apiKeyCreatedSchema, apiKeyViewSchema } from "../../validation/api-key";
import { list } from "../../validation/paging";

export const accountContracts = {
  listKeys: contract({ method: "get", path: "/api/v1/api-keys", tag: "API keys", summary: "List API keys (prefix, scopes, created, last used)", scope: "api_keys:read", response: list(apiKeyViewSchema), status: 200 }),
  createKey: contract({
    method: "post",
    path: "/api/v1/api-keys",
    tag: "API keys",
    summary: "Create an API key (the key is shown once)",
    description: "Without `scopes` the key gets its creator's (a key's own, or the user's role's); a key cannot grant scopes it lacks.",
    scope: "api_keys:write",
    body: apiKeyCreateSchema,
    maxBytes: FORM_BODY_BYTES,
    response: apiKeyCreatedSchema,
    status: 201,
    errors: [400, 413, 415, 422],
  }),
  revokeKey: contract({ method: "delete", path: "/api/v1/api-keys/{id}", tag: "API keys", summary: "Revoke an API key (401 at once for its holder)", scope: "api_keys:write", response: apiKeyViewSchema, status: 200, errors: [404] }),
  liveToken: contract({
    method: "post",
    path: "/api/v1/realtime/token",
    tag: "Realtime",
    summary: "Issue a short-lived token for the live feed (/ws?token=…)",
    scope: "deliveries:read",
    response: z.object({ token: z.string(), expires_at: z.string() }),
    status: 201,
  }),
};
