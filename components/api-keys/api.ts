// Plain fetch functions for /api/v1/api-keys.
import { fetchJson } from "@/components/api/fetch-json";
import type { ApiKeyCreated, ApiKeyView } from "@/lib/validation/api-key";

export type { ApiKeyView };

export const fetchApiKeys = (signal?: AbortSignal) => fetchJson<{ data: ApiKeyView[] }>("/api/v1/api-keys", { signal }).then((b) => b.data);

export const createApiKey = (body: { name: string; scopes: string[] }) =>
  fetchJson<ApiKeyCreated>("/api/v1/api-keys", { method: "POST", json: body });

export const revokeApiKey = (id: string) => fetchJson<ApiKeyView>(`/api/v1/api-keys/${encodeURIComponent(id)}`, { method: "DELETE" });
