import { z } from "zod";
import { dateTime, dateTimeText } from "./event";
import { pageQuery } from "./paging";

export const deliveryStatus = z.enum(["pending", "sending", "succeeded", "failed", "skipped"]);

export const deliverySchema = z.object({
  id: z.string(),
  event_id: z.string(),
  event_type: z.string(),
  webhook_id: z.string(),
  webhook_url: z.string(),
  status: deliveryStatus,
  attempts: z.number(),
  last_status: z.number().nullable(),
  last_error: z.string().nullable(),
  next_attempt_at: z.string().nullable(),
  last_attempt_at: z.string().nullable(),
  created_at: z.string(),
});
export type DeliveryView = z.infer<typeof deliverySchema>;

export const deliveryListQuery = pageQuery.extend({
  webhook_id: z.string().optional(),
  event_id: z.string().optional(),
  status: deliveryStatus.optional(),
});

// Filters beyond the basics: event type ("prefix.*" allowed) and a creation-time range.
export const deliveryFilterQuery = deliveryListQuery.extend({
  event_type: z.string().trim().min(1).max(200).optional(),
  since: dateTime.optional(),
  until: dateTime.optional(),
});
export type DeliveryFilterQuery = z.infer<typeof deliveryFilterQuery>;

// One HTTP request we made and what came back, in full (bodies ≤ 64 KB).
export const attemptSchema = z.object({
  id: z.string(),
  delivery_id: z.string(),
  number: z.number(),
  trigger: z.enum(["scheduled", "manual", "test"]),
  request: z.object({ url: z.string(), headers: z.record(z.string(), z.unknown()), body: z.string() }),
  response: z.object({
    status: z.number().nullable(),
    headers: z.record(z.string(), z.unknown()).nullable(),
    body: z.string().nullable(),
    duration_ms: z.number(),
    error: z.string().nullable(),
  }),
  created_at: z.string(),
});
export type AttemptView = z.infer<typeof attemptSchema>;

export const deliveryDetailSchema = deliverySchema.extend({ attempt_list: z.array(attemptSchema) });
export type DeliveryDetail = z.output<typeof deliveryDetailSchema>;

/** POST /deliveries/:id/replay: the manual attempt now queued. */
export const deliveryReplayResultSchema = z.object({ id: z.string(), status: z.literal("pending"), attempt: z.number(), trigger: z.literal("manual") });

export const deadLetterQuery = pageQuery.extend({ webhook_id: z.string().optional() });

export const deadLetterRetrySchema = z
  .strictObject({
    delivery_ids: z.array(z.string().startsWith("dlv_", "delivery ids start with dlv_")).min(1).max(1000).optional(),
    webhook_id: z.string().optional(),
    all: z.literal(true).optional(),
  })
  .refine((b) => b.delivery_ids || b.all, { message: 'send "delivery_ids" or "all": true', path: ["delivery_ids"] });
export const deadLetterRetriedSchema = z.object({ retried: z.number() });

export const recoverSchema = z
  .strictObject({
    since: dateTimeText,
    until: dateTimeText.optional(),
  })
  .refine((b) => !b.until || Date.parse(b.until) > Date.parse(b.since), { message: "until must be after since", path: ["until"] });

export const recoverJobSchema = z.object({
  id: z.string(),
  webhook_id: z.string(),
  since: z.string(),
  until: z.string().nullable(),
  status: z.enum(["queued", "running", "completed", "failed"]),
  total: z.number(),
  processed: z.number(),
  error: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type RecoverJobView = z.infer<typeof recoverJobSchema>;
