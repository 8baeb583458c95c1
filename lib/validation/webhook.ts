// Request/response shapes for /api/v1/webhooks, shared by the API and the UI.
import { z } from "zod";
import { policySchema } from "./endpoint-policy";
import { FilterError, compileFilter } from "../webhooks/payload-filter";

// Exact types ("scan.completed"), prefix wildcards ("scan.*") or everything ("*").
export const eventTypePattern = z
  .string()
  .trim()
  .min(1, "event type must not be empty")
  .max(200)
  .regex(
    /^(\*|[a-z0-9_]+(\.[a-z0-9_]+)*(\.\*)?)$/i,
    'must be an event type like "scan.completed", a wildcard like "scan.*", or "*"',
  );

const httpUrl = z
  .string()
  .trim()
  .max(2048, "url must be at most 2048 characters")
  .refine((value) => {
    try {
      const u = new URL(value);
      return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.length > 0;
    } catch {
      return false;
    }
  }, "url must be an absolute http(s) URL, e.g. https://example.com/webhooks");

const secret = z
  .string()
  .min(8, "secret must be at least 8 characters")
  .max(200, "secret must be at most 200 characters")
  // Printable ASCII only: every verifier library keys it the same way (UTF-8 = Latin-1 here).
  .refine((s) => /^[\x21-\x7e]+$/.test(s), "secret must be printable ASCII without spaces");

const webhookFields = z.strictObject({
  url: httpUrl,
  events: z.array(eventTypePattern).min(1, "events must list at least one event type").max(500),
  description: z.string().max(500).optional(),
  secret: secret.optional(),
  status: z.enum(["active", "disabled"]).optional(),
  ...policySchema.shape,
});

/** Filters are compiled when saved, so a typo never silently drops events (or fails an ingest) later. */
function checkFilter(value: { filter?: Record<string, unknown> | null }, ctx: z.RefinementCtx) {
  if (!value.filter) return;
  try {
    compileFilter(value.filter);
  } catch (err) {
    if (!(err instanceof FilterError)) throw err;
    ctx.addIssue({ code: "custom", message: err.message, path: err.path.split(".") });
  }
}

export const webhookCreateSchema = webhookFields.superRefine(checkFilter);

// PUT replaces what it names (the AI Social Media Platform sends only `events`), PATCH the same.
export const webhookUpdateSchema = webhookFields.omit({ secret: true }).partial().superRefine(checkFilter);

export type WebhookCreateInput = z.infer<typeof webhookCreateSchema>;
export type WebhookUpdateInput = z.infer<typeof webhookUpdateSchema>;

export const deliveryStatsSchema = z.object({
  total_deliveries: z.number(),
  successful_deliveries: z.number(),
  failed_deliveries: z.number(),
  last_success: z.string().nullable(),
  last_failure: z.string().nullable(),
});

// The endpoint's own health counters (what the circuit breaker and auto-disable act on).
export const webhookHealthSchema = z.object({
  consecutive_failures: z.number(),
  failing_since: z.string().nullable(),
  circuit_open_until: z.string().nullable(),
  last_success_at: z.string().nullable(),
  last_failure_at: z.string().nullable(),
  disabled_at: z.string().nullable(),
  disabled_reason: z.string().nullable(),
});

export const webhookSchema = policySchema.extend({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.string()),
  secret: z.string(),
  status: z.enum(["active", "disabled"]),
  created_at: z.string(),
  updated_at: z.string(),
  last_delivery: z.string().nullable(),
  delivery_stats: deliveryStatsSchema,
  health: webhookHealthSchema,
});

export type Webhook = z.infer<typeof webhookSchema>;
