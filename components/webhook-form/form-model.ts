// The webhook form's state and its translation to and from the API body. Pure,
// so it is unit-tested without a browser.
import type { Webhook } from "@/lib/validation/webhook";
import { RETRY_PRESET_KEYS, retryPresetLabel } from "@/lib/policy-defaults";

export interface HeaderRow {
  name: string;
  value: string;
}

export interface WebhookForm {
  url: string;
  description: string;
  events: string; // comma or newline separated patterns
  signaturePreset: string;
  signatureHeader: string;
  retryPreset: string;
  customSchedule: string; // "0, 30s, 10m"
  timeoutSec: string;
  headers: HeaderRow[];
  filter: string; // JSON text
  rateLimit: string;
  maxInFlight: string;
  batchEnabled: boolean;
  batchMaxSize: string;
  batchMaxWaitMs: string;
  coalesceTypes: string;
  coalesceKey: string;
}

export const SIGNATURE_CHOICES = [
  { value: "standard-webhooks", label: "Standard Webhooks (webhook-signature: v1,…)" },
  { value: "sha256-prefixed-hex", label: "sha256=<hex> in a custom header (GitHub-style)" },
  { value: "hex", label: "Hex HMAC-SHA256 in a custom header" },
  { value: "base64", label: "Base64 HMAC-SHA256 in a custom header" },
  { value: "hex-with-timestamp-ms", label: "Hex HMAC + millisecond timestamp and event headers" },
];

export const RETRY_CHOICES = [
  ...RETRY_PRESET_KEYS.map((value) => ({ value, label: retryPresetLabel(value) })),
  { value: "custom", label: "Custom schedule…" },
];

export function emptyForm(): WebhookForm {
  return {
    url: "",
    description: "",
    events: "",
    signaturePreset: "standard-webhooks",
    signatureHeader: "",
    retryPreset: "standard",
    customSchedule: "",
    timeoutSec: "",
    headers: [],
    filter: "",
    rateLimit: "",
    maxInFlight: "",
    batchEnabled: false,
    batchMaxSize: "100",
    batchMaxWaitMs: "1000",
    coalesceTypes: "",
    coalesceKey: "",
  };
}

export function formFromWebhook(w: Webhook): WebhookForm {
  return {
    ...emptyForm(),
    url: w.url,
    description: w.description,
    events: w.events.join(", "),
    signaturePreset: w.signature?.preset ?? "standard-webhooks",
    signatureHeader: w.signature?.header ?? "",
    retryPreset: w.retry?.preset ?? "standard",
    customSchedule: w.retry?.schedule?.join(", ") ?? "",
    timeoutSec: w.timeout_sec ? String(w.timeout_sec) : "",
    headers: Object.entries(w.custom_headers ?? {}).map(([name, value]) => ({ name, value })),
    filter: w.filter ? JSON.stringify(w.filter, null, 2) : "",
    rateLimit: w.rate_limit_per_sec ? String(w.rate_limit_per_sec) : "",
    maxInFlight: w.max_in_flight ? String(w.max_in_flight) : "",
    batchEnabled: !!w.batch,
    batchMaxSize: String(w.batch?.max_size ?? 100),
    batchMaxWaitMs: String(w.batch?.max_wait_ms ?? 1000),
    coalesceTypes: w.coalesce?.event_types.join(", ") ?? "",
    coalesceKey: w.coalesce?.entity_key ?? "",
  };
}

export const list = (text: string) => text.split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
const num = (text: string) => (text.trim() === "" ? null : Number(text));

export type Problems = Record<string, string>;

/** The API body, or the problems the browser can already see (the server checks the rest). */
export function toRequestBody(f: WebhookForm): { body?: Record<string, unknown>; problems: Problems } {
  const problems: Problems = {};
  let filter: unknown = null;
  if (f.filter.trim()) {
    try {
      filter = JSON.parse(f.filter);
      if (typeof filter !== "object" || filter === null || Array.isArray(filter)) problems.filter = "The filter must be a JSON object";
    } catch (err) {
      problems.filter = `Not valid JSON: ${(err as Error).message}`;
    }
  }
  const hmac = f.signaturePreset !== "standard-webhooks";
  const body: Record<string, unknown> = {
    url: f.url.trim(),
    description: f.description,
    events: list(f.events),
    signature: { preset: f.signaturePreset, ...(hmac && f.signatureHeader.trim() ? { header: f.signatureHeader.trim() } : {}) },
    retry: f.retryPreset === "custom" ? { preset: "custom", schedule: list(f.customSchedule) } : { preset: f.retryPreset },
    timeout_sec: num(f.timeoutSec),
    custom_headers: f.headers.some((h) => h.name.trim()) ? Object.fromEntries(f.headers.filter((h) => h.name.trim()).map((h) => [h.name.trim(), h.value])) : null,
    filter,
    rate_limit_per_sec: num(f.rateLimit),
    max_in_flight: num(f.maxInFlight),
    batch: f.batchEnabled ? { max_size: Number(f.batchMaxSize), max_wait_ms: Number(f.batchMaxWaitMs) } : null,
    coalesce: f.coalesceTypes.trim() && f.coalesceKey.trim() ? { event_types: list(f.coalesceTypes), entity_key: f.coalesceKey.trim() } : null,
  };
  return Object.keys(problems).length ? { problems } : { body, problems };
}

/** Maps the API's 422 details (`{ path, message }`) onto form fields. */
export function problemsFromApi(details: Array<{ path: string; message: string }> | undefined): Problems {
  const out: Problems = {};
  for (const d of details ?? []) {
    const top = d.path.split(".")[0];
    const field =
      ({ events: "events", url: "url", custom_headers: "headers", filter: "filter", retry: "retry", signature: "signature", timeout_sec: "timeoutSec", rate_limit_per_sec: "rateLimit", max_in_flight: "maxInFlight", batch: "batch", coalesce: "coalesce", description: "description" } as Record<string, string>)[top] ?? "form";
    out[field] = out[field] ? `${out[field]}; ${d.message}` : d.message;
  }
  return out;
}
