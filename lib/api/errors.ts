// One error class and one mapper, so every route answers
// { "error": { "code", "message", "details"? } } and never leaks internals.
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { logger } from "../logger";
import { isDatabaseUnavailable, isUniqueViolation } from "../db-errors";
import { ERROR_STATUS, type ErrorCode } from "./error-codes";

// What a 503 tells the caller to wait: PostgreSQL restarts and failovers take seconds.
const RETRY_AFTER_SEC = 5;

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
    return ERROR_STATUS[this.code];
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
    const fields = conflictFields(error);
    const message = fields.length ? `A record with this ${fields.join(", ")} already exists` : "This conflicts with an existing record";
    // details in the documented shape (errorDetailSchema, ./error-codes.ts): one entry per clashing field.
    const details = fields.map((path) => ({ path, message: "already exists" }));
    return NextResponse.json({ error: { code: "conflict", message, ...(details.length ? { details } : {}) } }, { status: 409 });
  }
  if (isDatabaseUnavailable(error)) {
    // Nothing was accepted: the caller retries (an outage of PostgreSQL, not a bug of ours or theirs).
    logger.warn({ err: error instanceof Error ? error.message : error }, "database unavailable; answered 503");
    return NextResponse.json(
      { error: { code: "service_unavailable", message: "The service is temporarily unavailable; retry shortly" } },
      { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SEC) } },
    );
  }
  logger.error({ err: error }, "unhandled error in API route");
  return NextResponse.json({ error: { code: "internal_error", message: "Internal server error" } }, { status: 500 });
}

type UniqueMeta = {
  target?: unknown;
  driverAdapterError?: { cause?: { constraint?: { fields?: unknown; index?: unknown } } };
};

/**
 * The columns of a unique violation, as API field names (snake_case). With the pg driver adapter
 * Prisma 7 reports no `target`, only the constraint (`fields`, or an index like
 * "EventType_workspaceId_name_key"); the tenant column is implied, so it is left out.
 */
function conflictFields(error: unknown): string[] {
  const meta = (error as { meta?: UniqueMeta }).meta ?? {};
  const constraint = meta.driverAdapterError?.cause?.constraint;
  let fields: string[] = [];
  if (Array.isArray(meta.target)) fields = meta.target.map(String);
  else if (typeof meta.target === "string") fields = [meta.target];
  else if (Array.isArray(constraint?.fields)) fields = constraint.fields.map(String);
  else if (typeof constraint?.index === "string") {
    const m = /^[A-Za-z]+_(.+)_key$/.exec(constraint.index);
    if (m) fields = m[1].split("_");
  }
  const snake = fields.map((f) => f.replace(/"/g, "").replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
  const shown = snake.filter((f) => f !== "workspace_id");
  return shown.length ? shown : snake;
}
