// Tiny builders for the hand-written JSON Schemas (draft 2020-12) of the
// built-in catalog. Objects allow extra properties: producers may extend a
// guide's payload, the schema documents what consumers can rely on.
export type JsonSchema = Record<string, unknown>;

export interface BuiltinEventType {
  name: string;
  description: string;
  /** Which compatible platform (or "hookrelay" for operational events) the type comes from. */
  origin: string;
  schema: JsonSchema;
  example: Record<string, unknown>;
}

export const DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

export const str: JsonSchema = { type: "string" };
export const int: JsonSchema = { type: "integer" };
export const num: JsonSchema = { type: "number" };
export const bool: JsonSchema = { type: "boolean" };
export const dateTime: JsonSchema = { type: "string", format: "date-time" };
export const uri: JsonSchema = { type: "string", format: "uri" };
export const score01: JsonSchema = { type: "number", minimum: 0, maximum: 1 };
export const oneOf = (...values: string[]): JsonSchema => ({ type: "string", enum: values });
export const arr = (items: JsonSchema): JsonSchema => ({ type: "array", items });
export const nullable = (s: JsonSchema): JsonSchema => ({ anyOf: [s, { type: "null" }] });

/** An object; every listed property is required unless `optional` names it. */
export function obj(properties: Record<string, JsonSchema>, optional: string[] = []): JsonSchema {
  return {
    type: "object",
    properties,
    required: Object.keys(properties).filter((k) => !optional.includes(k)),
    additionalProperties: true,
  };
}

/** The top-level schema of one event type's `data`. */
export function dataSchema(name: string, properties: Record<string, JsonSchema>, optional: string[] = []): JsonSchema {
  return { $schema: DRAFT_2020_12, title: name, ...obj(properties, optional) };
}
