// Plain fetch functions for /api/v1/webhooks: no React here, so hooks, tests
// and future mutations share them.
import type { Webhook } from "@/lib/validation/webhook";
import { fetchJson } from "@/components/api/fetch-json";

export async function fetchWebhooks(signal?: AbortSignal): Promise<Webhook[]> {
  const body = await fetchJson<{ data: Webhook[] }>("/api/v1/webhooks", { signal });
  return body.data;
}

export function fetchWebhook(id: string, signal?: AbortSignal): Promise<Webhook> {
  return fetchJson<Webhook>(`/api/v1/webhooks/${encodeURIComponent(id)}`, { signal });
}
