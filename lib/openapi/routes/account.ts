import { z } from "zod";
import { ALL_SCOPES } from "../../api/scopes";
import { apiKeyCreateSchema } from "../../validation/api-key";
import { list } from "../common";
import type { ApiRoute } from "../types";

// API keys as listed (lib/api/api-keys.ts keyView): never the key itself.
const apiKeyView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(ALL_SCOPES)),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});

export const accountRoutes: ApiRoute[] = [
  { method: "get", path: "/api/v1/api-keys", tag: "API keys", summary: "List API keys (prefix, scopes, created, last used)", scope: "api_keys:read", response: list(apiKeyView), status: 200, approximate: true },
  {
    method: "post",
    path: "/api/v1/api-keys",
    tag: "API keys",
    summary: "Create an API key (the key is shown once)",
    scope: "api_keys:write",
    body: apiKeyCreateSchema,
    response: z.object({ id: z.string(), name: z.string(), key: z.string(), prefix: z.string(), scopes: z.array(z.enum(ALL_SCOPES)) }),
    status: 201,
    errors: [400, 413, 415, 422],
  },
  { method: "delete", path: "/api/v1/api-keys/{id}", tag: "API keys", summary: "Revoke an API key (401 at once for its holder)", scope: "api_keys:write", response: apiKeyView, status: 200, errors: [404], approximate: true },
  {
    method: "post",
    path: "/api/v1/realtime/token",
    tag: "Realtime",
    summary: "Issue a short-lived token for the live feed (/ws?token=…)",
    scope: "deliveries:read",
    response: z.object({ token: z.string(), expires_at: z.string() }),
    status: 201,
  },
  {
    method: "get",
    path: "/api/v1/callback-secret",
    tag: "Events",
    summary: "Reveal the workspace's callback signing secret (per-event webhook_url deliveries)",
    scope: "webhooks:write",
    response: z.object({ secret: z.string() }),
    status: 200,
  },
];
