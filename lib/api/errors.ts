// One error class and one mapper, so every route answers
// { "error": { "code", "message", "details"? } } and never leaks internals.
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { logger } from "../logger";

export type ErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "validation_failed"
  | "rate_limited"
  | "internal_error";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal_error: 500,
};

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Extra response headers, e.g. Retry-After on a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
  get status() {
    return STATUS[this.code];
  }
}

export const notFound = (what: string) => new ApiError("not_found", `${what} not found`);

export function zodDetails(error: ZodError) {
  return error.issues.map((i) => ({ path: i.path.join(".") || "(body)", message: i.message }));
}

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof ZodError) {
    const details = zodDetails(error);
    const message = details.map((d) => `${d.path}: ${d.message}`).join("; ");
    return NextResponse.json({ error: { code: "validation_failed", message, details } }, { status: 422 });
  }
  if (error instanceof ApiError) {
    const body = { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
    return NextResponse.json(body, { status: error.status, headers: error.headers });
  }
  if (isUniqueViolation(error)) {
    const target = (error as { meta?: { target?: unknown } }).meta?.target;
    const field = Array.isArray(target) ? target.join(", ") : typeof target === "string" ? target : null;
    const message = field ? `A record with this ${field} already exists` : "This conflicts with an existing record";
    return NextResponse.json({ error: { code: "conflict", message } }, { status: 409 });
  }
  logger.error({ err: error }, "unhandled error in API route");
  return NextResponse.json({ error: { code: "internal_error", message: "Internal server error" } }, { status: 500 });
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
