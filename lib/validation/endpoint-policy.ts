// Per-endpoint delivery settings, stored in Endpoint.policy and accepted on
// webhook create/update under the same snake_case names. Every field is
// optional: what is absent falls back to the environment's defaults.
import { z } from "zod";
import { DEFAULT_JITTER, DELAY_PATTERN, RETRY_PRESET_KEYS } from "../policy-defaults";

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

// ── Header names and values ──────────────────────────────────────────────────
// One check for every header a webhook's settings add to its requests: custom
// headers and the signature settings' header names. The transport's headers
// belong to the HTTP client: set by a user they break every delivery (Expect,
// Upgrade, TE, Content-Length…) or how the receiver reads it (Host, Content-Type).
const TRANSPORT_HEADERS = new Set([
  "host", "content-type", "content-length", "transfer-encoding", "connection", "keep-alive",
  "upgrade", "expect", "te", "trailer", "user-agent",
]);

function isTransportHeader(name: string): boolean {
  const n = name.toLowerCase();
  return TRANSPORT_HEADERS.has(n) || n.startsWith("proxy-");
}

/** Custom headers may not replace the transport's headers nor the ones receivers verify signatures with. */
export function isProtectedHeader(name: string): boolean {
  const n = name.toLowerCase();
  return isTransportHeader(n) || n.startsWith("webhook-") || n.includes("signature") || n.includes("timestamp");
}

// RFC 9110 token.
const headerName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, "must be a valid HTTP header name (letters, digits and !#$%&'*+.^_`|~-)");

// A signature header would also replace a custom Authorization header (the receiver's credential).
const signatureHeaderName = headerName.superRefine((name, ctx) => {
  if (isTransportHeader(name) || name.toLowerCase() === "authorization") {
    ctx.addIssue({ code: "custom", message: `"${name}" cannot be a signature header: it is set by HookRelay (Host, Content-*, User-Agent, hop-by-hop headers) or carries the receiver's credentials (Authorization)` });
  }
});

// Tab is the only control character a field value may hold (RFC 9110 5.5); Node's HTTP
// client throws on the others, so such a value would fail every delivery.
export const headerValue = z
  .string()
  .max(1000)
  .refine((v) => !/[\x00-\x08\x0a-\x1f\x7f]/.test(v), "header values may not contain control characters (CR, LF, NUL…; tab is allowed)")
  .refine((v) => !/[^\x00-\xff]/.test(v), "header values must be ASCII (or Latin-1) text");

export const signatureSchema = z.strictObject({
  preset: z.enum(Object.keys(SIGNATURE_PRESETS) as [SignaturePreset, ...SignaturePreset[]]).default("standard-webhooks"),
  // Overrides of the preset's fields (hmac presets only).
  header: signatureHeaderName.optional(),
  prefix: z.enum(["sha256=", ""]).optional(),
  encoding: z.enum(["hex", "base64"]).optional(),
  timestamp_header: signatureHeaderName.nullable().optional(),
  timestamp_unit: z.enum(["s", "ms"]).optional(),
  event_header: signatureHeaderName.nullable().optional(),
});
export type SignatureSettings = z.infer<typeof signatureSchema>;

// ── Retries ───────────────────────────────────────────────────────────────────
// Presets and defaults: lib/policy-defaults.ts.
const delay = z.string().trim().regex(DELAY_PATTERN, 'delays look like "0", "500ms", "5s", "5m", "2h"');

export const retrySchema = z
  .strictObject({
    preset: z.enum([...RETRY_PRESET_KEYS, "custom"]).default("standard"),
    schedule: z.array(delay).min(1).max(30).optional(),
    // ±fraction of each delay, so many failing deliveries don't retry in lockstep.
    jitter: z.number().min(0).max(0.5).default(DEFAULT_JITTER),
  })
  .refine((r) => r.preset !== "custom" || r.schedule, { message: 'a "custom" retry preset needs a schedule', path: ["schedule"] });
export type RetrySettings = z.infer<typeof retrySchema>;

// ── Headers, filters, throughput ──────────────────────────────────────────────
export const customHeadersSchema = z
  .record(headerName, headerValue)
  .superRefine((headers, ctx) => {
    for (const name of Object.keys(headers)) {
      if (isProtectedHeader(name)) {
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: `"${name}" cannot be overridden (signature, timestamp, webhook-*, Host, Content-*, User-Agent, Proxy-* and hop-by-hop headers are set by HookRelay)`,
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

// zod copies a record key by key and leaves out an own "__proto__" key (which JSON.parse
// keeps): the filter would silently lose that condition and match more. Refuse it by name.
const filterSchema = z.preprocess((value, ctx) => {
  if (typeof value === "object" && value !== null && Object.hasOwn(value, "__proto__")) {
    ctx.addIssue({ code: "custom", message: '"__proto__" cannot be used as a field name', path: ["__proto__"] });
  }
  return value;
}, z.record(z.string(), z.unknown()));

export const policySchema = z.strictObject({
  // null on update resets a field to its default.
  signature: signatureSchema.nullable().optional(),
  retry: retrySchema.nullable().optional(),
  timeout_sec: z.number().int().min(1).max(60).nullable().optional(),
  custom_headers: customHeadersSchema.nullable().optional(),
  // MongoDB-style query on the event's data (validated by lib/webhooks/payload-filter.ts).
  filter: filterSchema.nullable().optional(),
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
  if (parsed.success) return parsed.data;
  // A field saved before its rule got stricter (e.g. an Expect custom header) is dropped
  // alone; the endpoint's other settings (signature format, retries…) still apply.
  const fields: Record<string, unknown> = {};
  if (value && typeof value === "object") {
    for (const [key, schema] of Object.entries(policySchema.shape)) {
      const field = schema.safeParse((value as Record<string, unknown>)[key]);
      if (field.success && field.data != null) fields[key] = field.data;
    }
  }
  return fields as EndpointPolicy;
}
