// Request and response shapes of /api/v1/event-types (used by the routes and
// by the OpenAPI document).
import { z } from "zod";
import { eventTypeName } from "../validation/event";

const jsonSchema = z.union([z.record(z.string(), z.unknown()), z.boolean()]).describe("A JSON Schema (draft 2020-12) for the event's `data`");
const example = z.record(z.string(), z.unknown()).describe("An example `data` object");

export const eventTypeCreateSchema = z.strictObject({
  name: eventTypeName,
  description: z.string().max(2000).optional(),
  schema: jsonSchema.nullable().optional(),
  example: example.nullable().optional(),
  validate: z.boolean().optional().describe("Validate ingested `data` against `schema` (422 on mismatch)"),
});
export type EventTypeCreateInput = z.infer<typeof eventTypeCreateSchema>;

export const eventTypeUpdateSchema = eventTypeCreateSchema.omit({ name: true });
export type EventTypeUpdateInput = z.infer<typeof eventTypeUpdateSchema>;

export const eventTypeSchema = z.object({
  name: z.string(),
  description: z.string(),
  source: z.enum(["builtin", "custom"]),
  origin: z.string().nullable().describe('Where a built-in type comes from (the compatible platform, e.g. "Pixel Patrol", or "hookrelay"); null for custom types'),
  schema: jsonSchema.nullable(),
  example: example.nullable(),
  validate: z.boolean(),
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
});
export type EventTypeDto = z.infer<typeof eventTypeSchema>;

export const eventTypeListSchema = z.object({ data: z.array(eventTypeSchema) });
