// The event catalog: built-in types (lib/catalog/builtin, from the compatible platforms and
// HookRelay's operational events) merged with the workspace's own EventType rows.
import { db, Prisma } from "../db";
import { newId } from "../ids";
import { ApiError, notFound } from "../api/errors";
import { isUniqueViolation } from "../db-errors";
import { withinQuota } from "../quotas";
import { BUILTIN_EVENT_TYPES, findBuiltin, type BuiltinEventType } from "./builtin";
import { checkSchema, SchemaTimeoutError } from "./schema-runner";
import type { EventTypeCreateInput, EventTypeDto, EventTypeUpdateInput } from "./schemas";

export { BUILTIN_EVENT_TYPES, findBuiltin };

type Row = Awaited<ReturnType<typeof db.eventType.findFirstOrThrow>>;

const builtinDto = (t: BuiltinEventType): EventTypeDto => ({
  name: t.name,
  description: t.description,
  source: "builtin",
  origin: t.origin,
  schema: t.schema,
  example: t.example,
  validate: false,
  created_at: null,
  updated_at: null,
});

const customDto = (r: Row): EventTypeDto => ({
  name: r.name,
  description: r.description,
  source: "custom",
  origin: null,
  schema: (r.schema as EventTypeDto["schema"]) ?? null,
  example: (r.example as EventTypeDto["example"]) ?? null,
  validate: r.validate,
  created_at: r.createdAt.toISOString(),
  updated_at: r.updatedAt.toISOString(),
});

export async function listEventTypes(workspaceId: string): Promise<EventTypeDto[]> {
  const rows = await db.eventType.findMany({ where: { workspaceId }, orderBy: { name: "asc" } });
  return [...BUILTIN_EVENT_TYPES.map(builtinDto), ...rows.map(customDto)];
}

export async function getEventType(workspaceId: string, name: string): Promise<EventTypeDto> {
  const builtin = findBuiltin(name);
  if (builtin) return builtinDto(builtin);
  const row = await db.eventType.findUnique({ where: { workspaceId_name: { workspaceId, name } } });
  if (!row) throw notFound(`Event type "${name}"`);
  return customDto(row);
}

/**
 * Schema must compile (within SCHEMA_TIMEOUT_MS, capped in size and depth,
 * regexes RE2 can run), example must match it, validate needs a schema — 422
 * naming the field. Compiled once, on the schema worker.
 */
async function checkDefinition(def: { schema: unknown; example: unknown; validate: boolean }) {
  const problems: { path: string; message: string }[] = [];
  const hasSchema = def.schema !== null && def.schema !== undefined;
  if (hasSchema) {
    try {
      const checked = await checkSchema(def.schema, def.example);
      if ("problem" in checked) problems.push({ path: "schema", message: checked.problem });
      else problems.push(...checked.errors);
    } catch (err) {
      if (!(err instanceof SchemaTimeoutError)) throw err;
      problems.push({ path: "schema", message: `took longer than ${err.ms} ms to compile; simplify it` });
    }
  } else if (def.validate) {
    problems.push({ path: "validate", message: "validate: true needs a schema" });
  }
  if (problems.length) {
    throw new ApiError("validation_failed", problems.map((p) => `${p.path}: ${p.message}`).join("; "), problems);
  }
}

const jsonOrNull = (v: unknown) => (v === null || v === undefined ? Prisma.DbNull : (v as Prisma.InputJsonValue));

export async function createEventType(workspaceId: string, input: EventTypeCreateInput): Promise<EventTypeDto> {
  if (findBuiltin(input.name)) throw new ApiError("conflict", `"${input.name}" is a built-in event type`);
  const def = { schema: input.schema ?? null, example: input.example ?? null, validate: input.validate ?? false };
  await checkDefinition(def);
  try {
    const row = await withinQuota(
      "MAX_EVENT_TYPES_PER_WORKSPACE",
      workspaceId,
      (tx) => tx.eventType.count({ where: { workspaceId } }),
      (tx) =>
        tx.eventType.create({
          data: {
            id: newId("et"),
            workspaceId,
            name: input.name,
            description: input.description ?? "",
            schema: jsonOrNull(def.schema),
            example: jsonOrNull(def.example),
            validate: def.validate,
          },
        }),
    );
    return customDto(row);
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new ApiError("conflict", `Event type "${input.name}" already exists`);
    }
    throw err;
  }
}

function refuseBuiltin(name: string) {
  if (findBuiltin(name)) {
    throw new ApiError("forbidden", `"${name}" is a built-in event type and cannot be changed or deleted; create a custom type with another name`);
  }
}

export async function updateEventType(workspaceId: string, name: string, input: EventTypeUpdateInput): Promise<EventTypeDto> {
  refuseBuiltin(name);
  const current = await db.eventType.findUnique({ where: { workspaceId_name: { workspaceId, name } } });
  if (!current) throw notFound(`Event type "${name}"`);
  const def = {
    schema: input.schema !== undefined ? input.schema : current.schema,
    example: input.example !== undefined ? input.example : current.example,
    validate: input.validate ?? current.validate,
  };
  await checkDefinition(def);
  const row = await db.eventType.update({
    where: { id: current.id },
    data: {
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.schema !== undefined ? { schema: jsonOrNull(input.schema) } : {}),
      ...(input.example !== undefined ? { example: jsonOrNull(input.example) } : {}),
      ...(input.validate !== undefined ? { validate: input.validate } : {}),
    },
  });
  return customDto(row);
}

export async function deleteEventType(workspaceId: string, name: string): Promise<void> {
  refuseBuiltin(name);
  const { count } = await db.eventType.deleteMany({ where: { workspaceId, name } });
  if (count === 0) throw notFound(`Event type "${name}"`);
}
