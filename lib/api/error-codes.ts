// The one list of error codes, with each one's HTTP status, and the error body every
// route answers with. Pure data (no server code), so the OpenAPI document, the UI and
// lib/api/errors.ts all read it from here.
import { z } from "zod";

export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  // Ingest refusing a request that is one of our own deliveries (lib/events/loop-guard.ts).
  loop_detected: 403,
  // Not 429: waiting does not help; deleting something or raising the setting does.
  quota_exceeded: 422,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/** `details`: one entry per field that was refused (validation) or clashed (conflict). */
export const errorDetailSchema = z.object({ path: z.string(), message: z.string() });

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.array(errorDetailSchema).optional(),
  }),
});
export type ErrorBody = z.output<typeof errorBodySchema>;
