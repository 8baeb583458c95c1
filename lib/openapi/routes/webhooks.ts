import { z } from "zod";
import { webhookCreateSchema, webhookSchema, webhookUpdateSchema } from "../../validation/webhook";
import { secretRotateSchema, webhookCustomHeadersSchema, webhookSecretSchema } from "../../validation/webhook-secret";
import { statsWindowQuery, webhookStatsSchema } from "../../validation/webhook-stats";
import { eventTypeName } from "../../validation/event";
import { anyObject, list, page, pageQuery } from "../common";
import type { ApiRoute } from "../types";

const tag = "Webhooks";
const byId = "/api/v1/webhooks/{id}";

// Mirrors the private body schema of app/api/v1/webhooks/[id]/test/route.ts.
const testBody = z.strictObject({ event_type: eventTypeName.optional(), data: z.record(z.string(), z.unknown()).optional() });
// Mirrors the TypeScript interface TestSendResult (lib/webhooks/test-send.ts).
const headers = z.record(z.string(), z.string());
const testResult = z.object({
  event_id: z.string(),
  delivery_id: z.string(),
  attempt_id: z.string(),
  success: z.boolean(),
  request: z.object({ url: z.string(), headers, body: z.string() }),
  response: z.object({ status: z.number().nullable(), headers: headers.nullable(), body: z.string().nullable() }),
  duration_ms: z.number(),
  error: z.string().nullable(),
});
export const webhookRoutes: ApiRoute[] = [
  { method: "get", path: "/api/v1/webhooks", tag, summary: "List webhooks", scope: "webhooks:read", response: list(webhookSchema), status: 200 },
  {
    method: "post",
    path: "/api/v1/webhooks",
    tag,
    summary: "Create a webhook",
    description: "The signing secret is generated when not given; responses show it masked.",
    scope: "webhooks:write",
    body: webhookCreateSchema,
    response: webhookSchema,
    status: 201,
    errors: [400, 413, 415, 422],
  },
  { method: "get", path: byId, tag, summary: "Get a webhook", scope: "webhooks:read", response: webhookSchema, status: 200, errors: [404] },
  { method: "put", path: byId, tag, summary: "Update a webhook", scope: "webhooks:write", body: webhookUpdateSchema, response: webhookSchema, status: 200, errors: [400, 404, 415, 422] },
  { method: "patch", path: byId, tag, summary: "Update some fields of a webhook", scope: "webhooks:write", body: webhookUpdateSchema, response: webhookSchema, status: 200, errors: [400, 404, 415, 422] },
  { method: "delete", path: byId, tag, summary: "Delete a webhook", scope: "webhooks:write", status: 204, errors: [404] },
  { method: "post", path: `${byId}/enable`, tag, summary: "Enable a webhook (resumes its held deliveries)", scope: "webhooks:write", response: webhookSchema, status: 200, errors: [404] },
  { method: "post", path: `${byId}/disable`, tag, summary: "Disable a webhook (its deliveries wait)", scope: "webhooks:write", response: webhookSchema, status: 200, errors: [404] },
  {
    method: "get",
    path: `${byId}/secret`,
    tag,
    summary: "Reveal the signing secret(s)",
    description: "Needs webhooks:write: whoever holds the secret can forge deliveries.",
    scope: "webhooks:write",
    response: webhookSecretSchema,
    status: 200,
    errors: [404],
  },
  {
    method: "get",
    path: `${byId}/custom-headers`,
    tag,
    summary: "Reveal the custom header values",
    description: "Needs webhooks:write: the values are usually the receiver's credentials; every other answer shows them as \"***\" (send \"***\" back in an update to keep a value).",
    scope: "webhooks:write",
    response: webhookCustomHeadersSchema,
    status: 200,
    errors: [404],
  },
  {
    method: "post",
    path: `${byId}/secret/rotate`,
    tag,
    summary: "Rotate the signing secret",
    description: "The previous secret keeps signing during the grace period. A bare POST generates a secret with the default grace period.",
    scope: "webhooks:write",
    body: secretRotateSchema,
    bodyOptional: true,
    response: webhookSecretSchema,
    status: 200,
    errors: [400, 404, 415, 422],
  },
  {
    method: "post",
    path: `${byId}/test`,
    tag,
    summary: "Send a test event synchronously",
    description: "Sends webhook.test (or `event_type` with its catalog example) and returns the attempt.",
    scope: "webhooks:write",
    body: testBody,
    bodyOptional: true,
    response: testResult,
    status: 200,
    errors: [400, 404, 415, 422],
    approximate: true,
  },
  {
    method: "get",
    path: `${byId}/logs`,
    tag,
    summary: "Delivery attempt log of a webhook",
    scope: "deliveries:read",
    query: pageQuery,
    response: page(anyObject),
    status: 200,
    errors: [404, 422],
    approximate: true,
  },
  {
    method: "get",
    path: `${byId}/stats`,
    tag,
    summary: "Health metrics: success rate, latency (avg, p95), error rate, queue depth, and the same per time bucket",
    scope: "webhooks:read",
    query: statsWindowQuery,
    response: webhookStatsSchema,
    status: 200,
    errors: [404, 422],
    approximate: true,
  },
];
