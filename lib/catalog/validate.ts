// Ingest-time validation of `data` against a workspace's custom event type
// when that type asks for it (validate = true). Built-in types are not
// validated: producers may extend the seeds' payloads.
import type { ValidateFunction } from "ajv";
import { db } from "../db";
import { ApiError } from "../api/errors";
import { compileSchema, toPathErrors, type PathError } from "./ajv";

// Keyed by workspace + type + updatedAt: an edited type gets a new entry, and
// the stale one ages out of this bounded map.
const cache = new Map<string, ValidateFunction>();
const CACHE_MAX = 500;

function validatorFor(workspaceId: string, name: string, updatedAt: Date, schema: unknown): ValidateFunction {
  const key = `${workspaceId}\u0000${name}\u0000${updatedAt.getTime()}`;
  let fn = cache.get(key);
  if (!fn) {
    fn = compileSchema(schema);
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(key, fn);
  }
  return fn;
}

/** Path errors per event type (only types that failed), for several payloads at once (batch ingest). */
export async function payloadProblems(
  workspaceId: string,
  items: { type: string; data: unknown }[],
): Promise<Map<number, PathError[]>> {
  const problems = new Map<number, PathError[]>();
  const names = [...new Set(items.map((i) => i.type))];
  if (names.length === 0) return problems;
  const rows = await db.eventType.findMany({
    where: { workspaceId, name: { in: names }, validate: true },
    select: { name: true, schema: true, updatedAt: true },
  });
  if (rows.length === 0) return problems;
  const byName = new Map(rows.filter((r) => r.schema !== null).map((r) => [r.name, r]));
  items.forEach((item, index) => {
    const row = byName.get(item.type);
    if (!row) return;
    const validate = validatorFor(workspaceId, row.name, row.updatedAt, row.schema);
    if (!validate(item.data)) problems.set(index, toPathErrors(validate.errors, "data"));
  });
  return problems;
}

/**
 * Throws 422 (details: [{ path: "data.confidence", message: "must be <= 1" }])
 * when `type` is a custom type with validate = true and `data` doesn't match.
 */
export async function validateEventPayload(workspaceId: string, type: string, data: unknown): Promise<void> {
  const errors = (await payloadProblems(workspaceId, [{ type, data }])).get(0);
  if (errors) {
    const message = `data does not match the "${type}" schema: ` + errors.map((e) => `${e.path}: ${e.message}`).join("; ");
    throw new ApiError("validation_failed", message, errors);
  }
}
