// Builds the OpenAPI 3.1 document from the route contracts (lib/api/contracts): the
// same zod schemas the routes parse their input with and answer in, converted by
// zod's own z.toJSONSchema to JSON Schema 2020-12 (OpenAPI 3.1's schema dialect).
import { z } from "zod";
import { API_CONTRACTS } from "../api/contracts";
import { errorBodySchema } from "../api/error-codes";
import type { ApiContract } from "../api/contract";

type Json = Record<string, unknown>;

const ERROR_RESPONSES: Record<number, [string, string]> = {
  400: ["BadRequest", "Malformed JSON"],
  401: ["Unauthorized", "Missing or invalid credentials"],
  403: ["Forbidden", "The key lacks the scope, or the user's role may not do this (`loop_detected` on ingest: the request is a HookRelay delivery)"],
  404: ["NotFound", "Unknown id, or another workspace's"],
  409: ["Conflict", "Conflicts with an existing resource"],
  413: ["PayloadTooLarge", "Request body too large"],
  415: ["UnsupportedMediaType", "Content-Type must be application/json"],
  422: ["ValidationFailed", "Validation failed; `details` lists the field paths"],
  429: ["RateLimited", "Too many requests; see Retry-After and RateLimit-* headers"],
  500: ["InternalError", "Internal server error (never a stack trace)"],
  503: ["ServiceUnavailable", "The database is unreachable; nothing was accepted, retry after Retry-After seconds"],
};
const EVERY_AUTHENTICATED = [401, 403, 429, 500, 503];
const SESSION_ONLY = "Needs a dashboard session (API keys: 403).";

const TAG_DESCRIPTIONS: Record<string, string> = {
  Webhooks: "Endpoints that receive your events: CRUD, enable/disable, secrets, test sends, logs, health.",
  Events: "Ingest events (fanned out to subscribed webhooks) and read them back.",
  Deliveries: "One event to one webhook, with every attempt.",
  "Dead letter": "Deliveries that used up their retries.",
  Recover: "Bulk redelivery of a webhook's failed deliveries in a time range, as a background job.",
  "Event types": "The event catalog: built-in types from the compatible platforms and your own, with JSON Schemas.",
  "API keys": "Workspace API keys and their scopes.",
  Workspaces: "The workspaces a user belongs to; switching the active one.",
  Members: "Who belongs to the workspace, with which role (owner, admin, viewer).",
  Realtime: "Tokens for the live feed.",
  Meta: "This document.",
};

/** zod → JSON Schema 2020-12; `$defs` move to components.schemas under `prefix`. */
function toSchema(schema: z.ZodType, io: "input" | "output", prefix: string, components: Json): Json {
  const out = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any", reused: "inline", cycles: "ref" }) as Json;
  delete out.$schema;
  const defs = out.$defs as Record<string, Json> | undefined;
  delete out.$defs;
  if (!defs) return out;
  const rewrite = (v: Json) => JSON.parse(JSON.stringify(v).replaceAll('"#/$defs/', `"#/components/schemas/${prefix}_`)) as Json;
  for (const [name, def] of Object.entries(defs)) components[`${prefix}_${name}`] = rewrite(def);
  return rewrite(out);
}

const operationId = (r: ApiContract) =>
  r.method + r.path.replace(/^\/api\/v1/, "").split(/[/{}.\-_]+/).filter(Boolean).map((s) => s[0].toUpperCase() + s.slice(1)).join("");

function operation(r: ApiContract, schemas: Json): Json {
  const id = operationId(r);
  const parameters: Json[] = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
  if (r.query) {
    const q = toSchema(r.query, "input", id, schemas);
    const required = new Set((q.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries((q.properties as Record<string, Json>) ?? {})) {
      parameters.push({ name, in: "query", required: required.has(name), schema });
    }
  }
  const responses: Json = {
    [String(r.status)]: r.response
      ? { description: "Success", content: { "application/json": { schema: toSchema(r.response, "output", id, schemas) } } }
      : { description: r.status === 204 ? "No content" : "Success" },
  };
  const errors = new Set([...(r.scope ? EVERY_AUTHENTICATED : [500]), ...(r.errors ?? [])]);
  for (const status of [...errors].sort()) responses[String(status)] = { $ref: `#/components/responses/${ERROR_RESPONSES[status][0]}` };
  return {
    operationId: id,
    tags: [r.tag],
    summary: r.summary,
    description: [r.sessionOnly ? SESSION_ONLY : null, r.description, r.scope ? `Scope: \`${r.scope}\`.` : "Public: no credentials needed."].filter(Boolean).join("\n\n"),
    "x-scope": r.scope,
    security: r.scope ? [{ bearerAuth: [] }] : [],
    ...(parameters.length ? { parameters } : {}),
    ...(r.body
      ? { requestBody: { required: !r.bodyOptional, content: { "application/json": { schema: toSchema(r.body, "input", id, schemas) } } } }
      : {}),
    responses,
  };
}

export function buildOpenApiDocument(routes: readonly ApiContract[] = API_CONTRACTS): Json {
  const schemas: Json = { Error: toSchema(errorBodySchema, "output", "Error", {}) };
  const paths: Record<string, Json> = {};
  for (const r of routes) (paths[r.path] ??= {})[r.method] = operation(r, schemas);
  const tags = [...new Set(routes.map((r) => r.tag))].map((name) => ({ name, ...(TAG_DESCRIPTIONS[name] ? { description: TAG_DESCRIPTIONS[name] } : {}) }));
  const responses = Object.fromEntries(
    Object.values(ERROR_RESPONSES).map(([name, description]) => [
      name,
      { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
    ]),
  );
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "HookRelay API",
      version: "1.0.0",
      description:
        "Webhook delivery platform. Every route is workspace-scoped: send `Authorization: Bearer <api key>` (or use a dashboard session). " +
        'Errors always have the shape `{ "error": { "code", "message", "details"? } }`.',
      license: { name: "MIT", identifier: "MIT" },
    },
    tags,
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "A workspace API key (hr_…)" } },
      schemas,
      responses,
    },
  };
}

let cached: Json | null = null;
/** The document never changes while the process runs. */
export const openApiDocument = () => (cached ??= buildOpenApiDocument());
