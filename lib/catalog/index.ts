// The event catalog: built-in types (lib/catalog/builtin, from the seeds and
// HookRelay's operational events) merged with the workspace's own EventType rows.
import { db, Prisma } from "../db";
import { newId } from "../ids";
import { ApiError, notFound } from "../api/errors";
import { isUniqueViolation } from "../db-errors";
import { BUILTIN_EVENT_TYPES, findBuiltin, type BuiltinEventType } from "./builtin";
import { compileSchema, schemaProblem, toPathErrors } from "./ajv";
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

/** Schema must compile, example must match it, validate needs a schema — 422 naming the field. */
function checkDefinition(def: { schema: unknown; example: unknown; validate: boolean }) {
  const problems: { path: string; message: string }[] = [];
  const hasSchema = def.schema !== null && def.schema !== undefined;
  if (hasSchema) {
    const problem = schemaProblem(def.schema);
    if (problem) problems.push({ path: "schema", message: problem });
    else if (def.example !== null && def.example !== undefined) {
      const validate = compileSchema(def.schema);
      if (!validate(def.example)) problems.push(...toPathErrors(validate.errors, "example"));
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
  checkDefinition(def);
  try {
    const row = await db.eventType.create({
      data: {
        id: newId("et"),
        workspaceId,
        name: input.name,
        description: input.description ?? "",
        schema: jsonOrNull(def.schema),
        example: jsonOrNull(def.example),
        validate: def.validate,
      },
    });
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
  checkDefinition(def);
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
