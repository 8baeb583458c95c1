// Plain fetch functions for /api/v1/webhooks, reads and actions: no React here,
// so hooks and components share them.
import type { Webhook } from "@/lib/validation/webhook";
import { fetchJson } from "@/components/api/fetch-json";
// Types only: these modules hold server code, and `import type` keeps it out of the bundle.
import type { WebhookStats } from "@/lib/validation/webhook-stats";
import type { TestSendResult, WebhookAttemptLog } from "@/lib/validation/webhook-tools";

export async function fetchWebhooks(signal?: AbortSignal): Promise<Webhook[]> {
  const body = await fetchJson<{ data: Webhook[] }>("/api/v1/webhooks", { signal });
  return body.data;
}

export function fetchWebhook(id: string, signal?: AbortSignal): Promise<Webhook> {
  return fetchJson<Webhook>(`/api/v1/webhooks/${encodeURIComponent(id)}`, { signal });
}

export type { WebhookStats, TestSendResult, WebhookAttemptLog };

const base = (id: string) => `/api/v1/webhooks/${encodeURIComponent(id)}`;

export const fetchWebhookStats = (id: string, windowHours: number, signal?: AbortSignal) =>
  fetchJson<WebhookStats>(`${base(id)}/stats?window_hours=${windowHours}`, { signal });

export const fetchWebhookLogs = (id: string, signal?: AbortSignal) =>
  fetchJson<{ data: WebhookAttemptLog[]; next_cursor: string | null }>(`${base(id)}/logs?limit=25`, { signal });

export const setWebhookStatus = (id: string, action: "enable" | "disable") =>
  fetchJson<Webhook>(`${base(id)}/${action}`, { method: "POST" });

/** No body: the AI Social Media Platform's webhook.test. With `event_type` (and optionally `data`): that event. */
export const sendTestWebhook = (id: string, body?: { event_type: string; data?: Record<string, unknown> }) =>
  fetchJson<TestSendResult>(`${base(id)}/test`, { method: "POST", json: body });
