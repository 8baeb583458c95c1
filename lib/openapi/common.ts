// Shapes shared by many routes: the one error body, list pages, stand-ins.
import { z } from "zod";

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum([
      "bad_request",
      "unauthorized",
      "forbidden",
      "not_found",
      "conflict",
      "payload_too_large",
      "unsupported_media_type",
      "validation_failed",
      "rate_limited",
      "internal_error",
      "service_unavailable",
    ]),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

/** `{ data: [...] }`, optionally with `next_cursor` for cursor pagination. */
export const list = (item: z.ZodType) => z.object({ data: z.array(item) });
export const page = (item: z.ZodType) => z.object({ data: z.array(item), next_cursor: z.string().nullable() });

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().optional(),
});

/** A JSON object whose fields this document does not spell out. */
export const anyObject = z.record(z.string(), z.unknown());
