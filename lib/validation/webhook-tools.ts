// Test sends and the attempt log of one webhook (POST /webhooks/:id/test, GET /webhooks/:id/logs):
// their input and answers, shared by the routes, the OpenAPI document and the dashboard.
import { z } from "zod";
import { eventTypeName } from "./event";
import { pageQuery } from "./paging";

export const testSendSchema = z.strictObject({
  event_type: eventTypeName.optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});

const headers = z.record(z.string(), z.string());
export const testSendResultSchema = z.object({
  event_id: z.string(),
  delivery_id: z.string(),
  attempt_id: z.string(),
  success: z.boolean(),
  request: z.object({ url: z.string(), headers, body: z.string() }),
  response: z.object({ status: z.number().nullable(), headers: headers.nullable(), body: z.string().nullable() }),
  duration_ms: z.number(),
  error: z.string().nullable(),
});
export type TestSendResult = z.output<typeof testSendResultSchema>;

/** The next_cursor the log hands out: "<createdAt ISO>|<attempt id>"; anything else is a 422. */
export const logsCursor = z
  .string()
  .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\|att_[0-9a-z]+$/, "must be the next_cursor of a previous page")
  .refine((v) => !Number.isNaN(Date.parse(v.split("|")[0])), "must be the next_cursor of a previous page");
export const webhookLogsQuery = pageQuery.extend({ cursor: logsCursor.optional() });

/** One attempt in the log, in Pixel Patrol's shape (webhook_id, attempt, url, status, duration_ms, …). */
export const webhookAttemptLogSchema = z.object({
  id: z.string(),
  webhook_id: z.string(),
  delivery_id: z.string(),
  event_id: z.string(),
  event_type: z.string(),
  attempt: z.number(),
  trigger: z.enum(["scheduled", "manual", "test"]),
  url: z.string(),
  status: z.number().nullable(),
  duration_ms: z.number().nullable(),
  error: z.string().nullable(),
  request_headers: z.record(z.string(), z.unknown()),
  request_body: z.string(),
  response_headers: z.record(z.string(), z.unknown()).nullable(),
  response_body: z.string().nullable(),
  created_at: z.string(),
});
export type WebhookAttemptLog = z.output<typeof webhookAttemptLogSchema>;
