import { eventTypeCreateSchema, eventTypeListSchema, eventTypeSchema, eventTypeUpdateSchema } from "../../catalog/schemas";
import type { ApiRoute } from "../types";

const tag = "Event types";
const byName = "/api/v1/event-types/{name}";

export const catalogRoutes: ApiRoute[] = [
  {
    method: "get",
    path: "/api/v1/event-types",
    tag,
    summary: "List the event catalog: built-in types (from the compatible platforms) and the workspace's custom types",
    scope: "webhooks:read",
    response: eventTypeListSchema,
    status: 200,
  },
  {
    method: "post",
    path: "/api/v1/event-types",
    tag,
    summary: "Create a custom event type",
    description: "409 when the name exists (built-in names included); 422 naming `schema` when the JSON Schema does not compile.",
    scope: "webhooks:write",
    body: eventTypeCreateSchema,
    response: eventTypeSchema,
    status: 201,
    errors: [400, 409, 413, 415, 422],
  },
  { method: "get", path: byName, tag, summary: "Get one event type", scope: "webhooks:read", response: eventTypeSchema, status: 200, errors: [404] },
  {
    method: "patch",
    path: byName,
    tag,
    summary: "Update a custom event type (built-ins: 403)",
    scope: "webhooks:write",
    body: eventTypeUpdateSchema,
    response: eventTypeSchema,
    status: 200,
    errors: [400, 404, 415, 422],
  },
  { method: "delete", path: byName, tag, summary: "Delete a custom event type (built-ins: 403)", scope: "webhooks:write", status: 204, errors: [404] },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    tag: "Meta",
    summary: "This OpenAPI 3.1 document (public)",
    scope: null,
    status: 200,
  },
];
