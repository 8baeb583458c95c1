// Ingest-time validation of `data` against a workspace's custom event type
// when that type asks for it (validate = true). Built-in types are not
// validated: producers may extend the platforms' payloads. The schema runs on the
// schema worker (lib/catalog/schema-runner.ts), bounded by SCHEMA_TIMEOUT_MS.
import { db } from "../db";
import { ApiError } from "../api/errors";
import type { PathError } from "./ajv";
import { SchemaTimeoutError, validatePayloads } from "./schema-runner";

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
  for (const row of rows) {
    if (row.schema === null) continue;
    const indexes = items.flatMap((item, index) => (item.type === row.name ? [index] : []));
    // workspace + type + updatedAt: an edited type is compiled anew.
    const key = `${workspaceId}\u0000${row.name}\u0000${row.updatedAt.getTime()}`;
    try {
      const { results } = await validatePayloads(key, row.schema, indexes.map((i) => items[i].data));
      results.forEach((errors, j) => errors && problems.set(indexes[j], errors));
    } catch (err) {
      if (!(err instanceof SchemaTimeoutError)) throw err;
      const message = `could not be validated against the "${row.name}" schema within ${err.ms} ms; simplify the schema`;
      for (const i of indexes) problems.set(i, [{ path: "data", message }]);
    }
  }
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
