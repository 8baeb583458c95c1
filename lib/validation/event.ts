// Ingest shape: { event | type, data, id? }. Sonotheia names the field `type`.
import { z } from "zod";
import { pageQuery } from "./paging";

export const eventTypeName = z
  .string()
  .trim()
  .min(1, "event type must not be empty")
  .max(200)
  .regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/i, 'must be a dotted event type like "scan.completed"');

export const eventIngestSchema = z
  .object({
    event: eventTypeName.optional(),
    type: eventTypeName.optional(),
    data: z.record(z.string(), z.unknown(), { error: "data must be a JSON object" }),
    id: z.string().trim().min(1).max(255).optional(),
    webhook_url: z
      .string()
      .max(2048)
      .refine((v) => {
        try {
          return ["http:", "https:"].includes(new URL(v).protocol);
        } catch {
          return false;
        }
      }, "webhook_url must be an absolute http(s) URL")
      .optional(),
  })
  .refine((v) => v.event || v.type, { message: 'one of "event" or "type" is required', path: ["event"] })
  .refine((v) => !(v.event && v.type && v.event !== v.type), {
    message: '"event" and "type" disagree; send one of them',
    path: ["type"],
  });

export type EventIngestInput = z.infer<typeof eventIngestSchema>;

export const eventAcceptedSchema = z.object({
  id: z.string(),
  event: z.string(),
  deliveries: z.number(),
  created_at: z.string(),
});
export type EventAccepted = z.infer<typeof eventAcceptedSchema>;

// ── Batch ingest, list and replay ─────────────────────────────────────────────

export const MAX_BATCH_EVENTS = 1000;

// All-or-nothing: one bad item rejects the request (422 naming `events.<i>.<field>`),
// so a producer never has to work out which half of a batch was stored.
export const eventBatchSchema = z.strictObject({
  events: z
    .array(eventIngestSchema)
    .min(1, "send at least one event")
    .max(MAX_BATCH_EVENTS, `at most ${MAX_BATCH_EVENTS} events per request`),
});

/**
 * ISO 8601 date-time text in years 1–9999. JavaScript dates reach ±275760, but such a date
 * (or "+010000-…") cannot be written in the four-digit form PostgreSQL and Prisma expect.
 */
export const dateTimeText = z.string().refine((v) => {
  const ms = Date.parse(v);
  const year = new Date(ms).getUTCFullYear();
  return !Number.isNaN(ms) && year >= 1 && year <= 9999;
}, "must be an ISO 8601 date-time between years 0001 and 9999");

/** ISO 8601 date-time in a query string or body, as a Date. */
export const dateTime = dateTimeText.transform((v) => new Date(v));

export const eventListQuery = pageQuery.extend({
  // An exact type, or "prefix.*" for a family.
  type: z.string().trim().min(1).max(200).optional(),
  since: dateTime.optional(),
  until: dateTime.optional(),
});
export type EventListQuery = z.infer<typeof eventListQuery>;

export const eventViewSchema = z.object({
  id: z.string(),
  event: z.string(),
  data: z.unknown(),
  idempotency_key: z.string().nullable(),
  deliveries: z.number(),
  created_at: z.string(),
});
export type EventView = z.infer<typeof eventViewSchema>;

export const eventReplaySchema = z.strictObject({
  webhook_ids: z.array(z.string().startsWith("wh_", "webhook ids start with wh_")).min(1).max(100).optional(),
});

// Response shapes of batch ingest and event replay (lib/events/ingest-batch.ts, replay.ts).
export const eventBatchItemSchema = eventAcceptedSchema.extend({ index: z.number(), replayed: z.boolean() });
export const eventReplayResultSchema = z.object({
  event_id: z.string(),
  resent: z.array(z.string()).describe("Existing deliveries that got a manual attempt"),
  created: z.array(z.string()).describe("Deliveries created for webhooks that had none"),
  skipped: z.array(z.object({ webhook_id: z.string(), reason: z.string() })),
});

/** GET /live/snapshot: recent events as the live feed sends them (lib/realtime/messages.ts toMessage). */
export const liveSnapshotQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(300) });
export const liveEventMessageSchema = z.object({ type: z.literal("event"), id: z.string(), event: z.string(), timestamp: z.string(), data: z.unknown() });
export type LiveEventMessage = z.output<typeof liveEventMessageSchema>;

/** GET /operational-events: what HookRelay itself emitted about endpoints and deliveries. */
export const operationalFeedItemSchema = z.object({ id: z.string(), type: z.string(), data: z.record(z.string(), z.unknown()), created_at: z.string() });
export type OperationalFeedItem = z.output<typeof operationalFeedItemSchema>;
