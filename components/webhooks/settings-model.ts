// Turns a webhook's stored policy into the effective value of every setting,
// each marked "default" or "custom", so the settings card shows what deliveries
// will really use rather than only what was saved. Pure: no React, no fetches.
import type { Webhook } from "@/lib/validation/webhook";
import { SIGNATURE_PRESETS } from "@/lib/validation/endpoint-policy";
import { DEFAULT_JITTER, RETRY_PRESETS } from "@/lib/policy-defaults";

/** Server-side fallbacks a webhook without its own setting gets (lib/config.ts). */
export interface ServerDefaults {
  timeoutSec: number;
  /** DELIVERY_RETRY_SCHEDULE, e.g. "0,5s,5m". */
  retrySchedule: string;
  /** WEBHOOK_MAX_RETRIES, if set: caps every schedule to 1 + this many attempts. */
  maxRetries: number | null;
  /** ENDPOINT_MAX_IN_FLIGHT, or its default share of WORKER_CONCURRENCY. */
  maxInFlight: number;
}

export interface SettingRow {
  label: string;
  value: string;
  /** null: the setting has no default (events are always chosen), so no tag. */
  isDefault: boolean | null;
  /** Multi-line values (JSON) render in a <pre>. */
  block?: boolean;
}

export interface SettingGroup {
  title: string;
  rows: SettingRow[];
}

export function settingGroups(webhook: Webhook, defaults: ServerDefaults): SettingGroup[] {
  return [
    { title: "Events", rows: [{ label: "Event types", value: webhook.events.join(", "), isDefault: null }] },
    { title: "Signature", rows: signatureRows(webhook) },
    { title: "Retries", rows: retryRows(webhook, defaults) },
    {
      title: "Timeout",
      rows: [
        {
          label: "Per-attempt timeout",
          value: `${webhook.timeout_sec ?? defaults.timeoutSec} s`,
          isDefault: webhook.timeout_sec == null,
        },
      ],
    },
    { title: "Custom headers", rows: headerRows(webhook) },
    {
      title: "Payload filter",
      rows: [
        webhook.filter
          ? { label: "Filter", value: JSON.stringify(webhook.filter, null, 2), isDefault: false, block: true }
          : { label: "Filter", value: "None (every matching event is delivered)", isDefault: true },
      ],
    },
    {
      title: "Rate limit",
      rows: [
        webhook.rate_limit_per_sec != null
          ? { label: "Max deliveries", value: `${webhook.rate_limit_per_sec} per second`, isDefault: false }
          : { label: "Max deliveries", value: "Unlimited", isDefault: true },
        {
          label: "Max requests in flight",
          value: `${webhook.max_in_flight ?? defaults.maxInFlight} at once`,
          isDefault: webhook.max_in_flight == null,
        },
      ],
    },
    {
      title: "Batching",
      rows: webhook.batch
        ? [
            { label: "Batch size", value: `up to ${webhook.batch.max_size} events`, isDefault: false },
            { label: "Max wait", value: `${webhook.batch.max_wait_ms} ms`, isDefault: false },
          ]
        : [{ label: "Batching", value: "Off (one request per event)", isDefault: true }],
    },
    {
      title: "Coalescing",
      rows: webhook.coalesce
        ? [
            { label: "Event types", value: webhook.coalesce.event_types.join(", "), isDefault: false },
            { label: "Entity key", value: webhook.coalesce.entity_key, isDefault: false },
            { label: "Interval", value: `${webhook.coalesce.interval_ms} ms`, isDefault: false },
          ]
        : [{ label: "Coalescing", value: "Off (every progress event is sent)", isDefault: true }],
    },
  ];
}

// Mirrors lib/signing/sign-request.ts (which uses node:crypto, so can't be imported here).
function signatureRows(webhook: Webhook): SettingRow[] {
  const s = webhook.signature ?? undefined;
  const presetName = s?.preset ?? "standard-webhooks";
  const preset = SIGNATURE_PRESETS[presetName] as Record<string, string | undefined>;
  const rows: SettingRow[] = [{ label: "Preset", value: presetName, isDefault: !s }];
  if (preset.scheme !== "hmac") {
    rows.push({ label: "Headers", value: "webhook-id, webhook-timestamp (s), webhook-signature: v1,<base64>", isDefault: true });
    return rows;
  }
  const pick = (key: "header" | "prefix" | "encoding" | "timestamp_header" | "timestamp_unit" | "event_header", fallback: string | null) => {
    const own = s?.[key];
    return { value: own !== undefined ? own : (preset[key] ?? fallback), isDefault: own === undefined };
  };
  const header = pick("header", "X-Webhook-Signature");
  const prefix = pick("prefix", "");
  const encoding = pick("encoding", "hex");
  const tsHeader = pick("timestamp_header", null);
  const tsUnit = pick("timestamp_unit", "s");
  const eventHeader = pick("event_header", null);
  rows.push(
    { label: "Signature header", value: header.value ?? "X-Webhook-Signature", isDefault: header.isDefault },
    { label: "Prefix", value: prefix.value ? prefix.value : "(none)", isDefault: prefix.isDefault },
    { label: "Encoding", value: encoding.value ?? "hex", isDefault: encoding.isDefault },
    {
      label: "Timestamp header",
      value: tsHeader.value ? `${tsHeader.value} (${tsUnit.value ?? "s"})` : "(none)",
      isDefault: tsHeader.isDefault && tsUnit.isDefault,
    },
    { label: "Event header", value: eventHeader.value ?? "(none)", isDefault: eventHeader.isDefault },
  );
  return rows;
}

function retryRows(webhook: Webhook, defaults: ServerDefaults): SettingRow[] {
  const r = webhook.retry ?? undefined;
  let schedule: string[];
  if (!r) schedule = defaults.retrySchedule.split(",").map((d) => d.trim()).filter(Boolean);
  else if (r.preset === "custom") schedule = r.schedule ?? ["0"];
  else schedule = [...RETRY_PRESETS[r.preset].schedule];
  if (defaults.maxRetries !== null) schedule = schedule.slice(0, defaults.maxRetries + 1);
  const jitter = r?.jitter ?? DEFAULT_JITTER;
  return [
    { label: "Preset", value: r ? r.preset : "server default (DELIVERY_RETRY_SCHEDULE)", isDefault: !r },
    {
      label: "Schedule",
      value: `${schedule.join(", ")} (${schedule.length} attempt${schedule.length === 1 ? "" : "s"})`,
      isDefault: !r,
    },
    { label: "Jitter", value: `±${Math.round(jitter * 100)} %`, isDefault: jitter === DEFAULT_JITTER },
  ];
}

function headerRows(webhook: Webhook): SettingRow[] {
  const entries = Object.entries(webhook.custom_headers ?? {});
  if (entries.length === 0) return [{ label: "Custom headers", value: "None", isDefault: true }];
  return entries.map(([name, value]) => ({ label: name, value, isDefault: false }));
}
