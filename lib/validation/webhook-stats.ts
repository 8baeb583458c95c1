// The shape of GET /api/v1/webhooks/:id/stats, shared by the API, the OpenAPI
// document and the detail page's charts.
import { z } from "zod";

export const statsWindowQuery = z.object({
  window_hours: z.coerce.number().min(1).max(24 * 90).default(24),
});

const rate = z.number().nullable();

/** One time bucket of the charts: volume, success rate and latency of the attempts made in it. */
export const statsBucketSchema = z.object({
  start: z.string(),
  attempts: z.number(),
  successful: z.number(),
  failed: z.number(),
  success_rate: rate,
  avg_latency_ms: rate,
  p95_latency_ms: rate,
});

export const webhookStatsSchema = z.object({
  webhook_id: z.string(),
  window_hours: z.number(),
  attempts: z.number(),
  successful: z.number(),
  failed: z.number(),
  success_rate: rate,
  error_rate: rate,
  avg_latency_ms: rate,
  p95_latency_ms: rate,
  queue_depth: z.number(),
  bucket_seconds: z.number(),
  series: z.array(statsBucketSchema),
});

export type StatsBucket = z.infer<typeof statsBucketSchema>;
export type WebhookStats = z.infer<typeof webhookStatsSchema>;
