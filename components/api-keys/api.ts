// Plain fetch functions for /api/v1/api-keys.
import { fetchJson } from "@/components/api/fetch-json";

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export const fetchApiKeys = (signal?: AbortSignal) => fetchJson<{ data: ApiKeyView[] }>("/api/v1/api-keys", { signal }).then((b) => b.data);

export const createApiKey = (body: { name: string; scopes: string[] }) =>
  fetchJson<ApiKeyView & { key: string }>("/api/v1/api-keys", { method: "POST", json: body });

export const revokeApiKey = (id: string) => fetchJson<ApiKeyView>(`/api/v1/api-keys/${encodeURIComponent(id)}`, { method: "DELETE" });
