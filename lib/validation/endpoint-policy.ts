// Per-endpoint delivery settings, stored in Endpoint.policy and accepted on
// webhook create/update under the same snake_case names. Every field is
// optional: what is absent falls back to the environment's defaults.
import { z } from "zod";

// ── Signatures ────────────────────────────────────────────────────────────────
// Presets are named for what they are to a receiver, not for who uses them.
export const SIGNATURE_PRESETS = {
  // webhook-id / webhook-timestamp / webhook-signature: v1,<base64> (standardwebhooks, svix)
  "standard-webhooks": { scheme: "standard" },
  // "sha256=<hex>" of the raw body in a custom header, as GitHub-style senders do
  "sha256-prefixed-hex": { scheme: "hmac", header: "X-Webhook-Signature", prefix: "sha256=", encoding: "hex" },
  // bare hex HMAC-SHA256 of the raw body in a custom header
  "hex": { scheme: "hmac", header: "X-Webhook-Signature", prefix: "", encoding: "hex" },
  // bare base64 HMAC-SHA256 of the raw body in a custom header
  "base64": { scheme: "hmac", header: "X-Webhook-Signature", prefix: "", encoding: "base64" },
  // bare hex signature plus a millisecond timestamp header and an event-type header
  "hex-with-timestamp-ms": {
    scheme: "hmac",
    header: "X-Webhook-Signature",
    prefix: "",
    encoding: "hex",
    timestamp_header: "X-Webhook-Timestamp",
    timestamp_unit: "ms",
    event_header: "X-Webhook-Event",
  },
} as const;
export type SignaturePreset = keyof typeof SIGNATURE_PRESETS;

const headerName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, "must be a valid HTTP header name");

export const signatureSchema = z.strictObject({
  preset: z.enum(Object.keys(SIGNATURE_PRESETS) as [SignaturePreset, ...SignaturePreset[]]).default("standard-webhooks"),
  // Overrides of the preset's fields (hmac presets only).
  header: headerName.optional(),
  prefix: z.enum(["sha256=", ""]).optional(),
  encoding: z.enum(["hex", "base64"]).optional(),
  timestamp_header: headerName.nullable().optional(),
  timestamp_unit: z.enum(["s", "ms"]).optional(),
  event_header: headerName.nullable().optional(),
});
export type SignatureSettings = z.infer<typeof signatureSchema>;

// ── Retries ───────────────────────────────────────────────────────────────────
// Delays before each attempt; the first entry is the initial attempt.
export const RETRY_PRESETS = {
  standard: ["0", "5s", "5m", "30m", "2h", "5h", "10h", "10h"],
  // retries after 1 min, 5 min, 15 min, 1 h, 6 h
  "gentle-6h": ["0", "1m", "5m", "15m", "1h", "6h"],
  // immediately, then 1 min, 5 min, 30 min, 2 h
  "moderate-2h": ["0", "1m", "5m", "30m", "2h"],
  // quick exponential: 1 s, 2 s, 4 s
  "quick-exponential": ["0", "1s", "2s", "4s"],
} as const;
export type RetryPreset = keyof typeof RETRY_PRESETS;

const delay = z.string().trim().regex(/^\d+(\.\d+)?(ms|s|m|h|d)?$/, 'delays look like "0", "500ms", "5s", "5m", "2h"');

export const retrySchema = z
  .strictObject({
    preset: z.enum(["standard", "gentle-6h", "moderate-2h", "quick-exponential", "custom"]).default("standard"),
    schedule: z.array(delay).min(1).max(30).optional(),
    // ±fraction of each delay, so many failing deliveries don't retry in lockstep.
    jitter: z.number().min(0).max(0.5).default(0.2),
  })
  .refine((r) => r.preset !== "custom" || r.schedule, { message: 'a "custom" retry preset needs a schedule', path: ["schedule"] });
export type RetrySettings = z.infer<typeof retrySchema>;

// ── Headers, filters, throughput ──────────────────────────────────────────────
// Custom headers may not replace what the receiver relies on to parse and verify.
const PROTECTED_HEADERS = new Set(["content-type", "content-length", "host", "user-agent", "transfer-encoding", "connection"]);

export function isProtectedHeader(name: string): boolean {
  const n = name.toLowerCase();
  return PROTECTED_HEADERS.has(n) || n.startsWith("webhook-") || n.includes("signature") || n.includes("timestamp");
}

export const customHeadersSchema = z
  .record(headerName, z.string().max(1000).regex(/^[^\r\n]*$/, "header values must be one line"))
  .superRefine((headers, ctx) => {
    for (const name of Object.keys(headers)) {
      if (isProtectedHeader(name)) {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: `"${name}" cannot be overridden (signature, timestamp, content-type, host, user-agent and webhook-* headers are set by HookRelay)`,
        });
      }
    }
  })
  .refine((h) => Object.keys(h).length <= 20, "at most 20 custom headers");

export const batchSchema = z.strictObject({
  max_size: z.number().int().min(1).max(1000).default(100),
  max_wait_ms: z.number().int().min(0).max(60_000).default(1000),
});

export const coalesceSchema = z.strictObject({
  // Progress event types whose superseded, unsent deliveries may be skipped.
  event_types: z.array(z.string().min(1).max(200)).min(1).max(50),
  // The payload field naming the entity, e.g. "job_id" or "request_id".
  entity_key: z.string().min(1).max(100),
  // At most one progress delivery per entity per this many milliseconds.
  interval_ms: z.number().int().min(100).max(60_000).default(1000),
});

export const policySchema = z.strictObject({
  // null on update resets a field to its default.
  signature: signatureSchema.nullable().optional(),
  retry: retrySchema.nullable().optional(),
  timeout_sec: z.number().int().min(1).max(60).nullable().optional(),
  custom_headers: customHeadersSchema.nullable().optional(),
  // MongoDB-style query on the event's data (validated by lib/webhooks/payload-filter.ts).
  filter: z.record(z.string(), z.unknown()).nullable().optional(),
  rate_limit_per_sec: z.number().int().min(1).max(10_000).nullable().optional(),
  // Requests to this endpoint in flight at once, across all workers (default: ENDPOINT_MAX_IN_FLIGHT).
  max_in_flight: z.number().int().min(1).max(1000).nullable().optional(),
  batch: batchSchema.nullable().optional(),
  coalesce: coalesceSchema.nullable().optional(),
});
export type EndpointPolicy = z.infer<typeof policySchema>;

/** Reads a stored policy; anything unreadable falls back to defaults rather than blocking delivery. */
export function readPolicy(value: unknown): EndpointPolicy {
  const parsed = policySchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}
