import { z } from "zod";
import { contract } from "../contract";
import { MAX_EVENT_BYTES } from "../body-limits";
import { eventTypeCreateSchema, eventTypeListSchema, eventTypeSchema, eventTypeUpdateSchema } from "../../catalog/schemas";

const tag = "Event types";
const byName = "/api/v1/event-types/{name}";

export const catalogContracts = {
  list: contract({
    method: "get",
    path: "/api/v1/event-types",
    tag,
    summary: "List the event catalog: built-in types (from the compatible platforms) and the workspace's custom types",
    scope: "webhooks:read",
    response: eventTypeListSchema,
    status: 200,
  }),
  create: contract({
    method: "post",
    path: "/api/v1/event-types",
    tag,
    summary: "Create a custom event type",
    description: "409 when the name exists (built-in names included); 422 naming `schema` when the JSON Schema does not compile.",
    scope: "webhooks:write",
    body: eventTypeCreateSchema,
    maxBytes: MAX_EVENT_BYTES,
    response: eventTypeSchema,
    status: 201,
    errors: [400, 409, 413, 415, 422],
  }),
  get: contract({ method: "get", path: byName, tag, summary: "Get one event type", scope: "webhooks:read", response: eventTypeSchema, status: 200, errors: [404] }),
  update: contract({
    method: "patch",
    path: byName,
    tag,
    summary: "Update a custom event type (built-ins: 403)",
    scope: "webhooks:write",
    body: eventTypeUpdateSchema,
    maxBytes: MAX_EVENT_BYTES,
    response: eventTypeSchema,
    status: 200,
    errors: [400, 404, 413, 415, 422],
  }),
  delete: contract({ method: "delete", path: byName, tag, summary: "Delete a custom event type (built-ins: 403)", scope: "webhooks:write", status: 204, errors: [404] }),
  // Served outside withWorkspace (public); its answer is checked against the OpenAPI 3.1 schema in tests/api/openapi.test.ts.
  openapi: contract({
    method: "get",
    path: "/api/v1/openapi.json",
    tag: "Meta",
    summary: "This OpenAPI 3.1 document (public)",
    scope: null,
    response: z.looseObject({ openapi: z.literal("3.1.0"), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.record(z.string(), z.unknown())) }),
    status: 200,
  }),
};
