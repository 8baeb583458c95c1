import { contract } from "../contract";
import { SETTINGS_BODY_BYTES, MAX_EVENT_BYTES, SMALL_BODY_BYTES } from "../body-limits";
import { webhookCreateSchema, webhookSchema, webhookUpdateSchema } from "../../validation/webhook";
import { secretRotateSchema, webhookCustomHeadersSchema, webhookSecretSchema } from "../../validation/webhook-secret";
import { statsWindowQuery, webhookStatsSchema } from "../../validation/webhook-stats";
import { testSendResultSchema, testSendSchema, webhookAttemptLogSchema, webhookLogsQuery } from "../../validation/webhook-tools";
import { list, page } from "../../validation/paging";

const tag = "Webhooks";
const byId = "/api/v1/webhooks/{id}";
const update = { path: byId, tag, scope: "webhooks:write", body: webhookUpdateSchema, maxBytes: SETTINGS_BODY_BYTES, response: webhookSchema, status: 200, errors: [400, 404, 413, 415, 422] } as const;

export const webhookContracts = {
  list: contract({ method: "get", path: "/api/v1/webhooks", tag, summary: "List webhooks", scope: "webhooks:read", response: list(webhookSchema), status: 200 }),
  create: contract({
    method: "post",
    path: "/api/v1/webhooks",
    tag,
    summary: "Create a webhook",
    description: "The signing secret is generated when not given; responses show it masked.",
    scope: "webhooks:write",
    body: webhookCreateSchema,
    maxBytes: SETTINGS_BODY_BYTES,
    response: webhookSchema,
    status: 201,
    errors: [400, 413, 415, 422],
  }),
  get: contract({ method: "get", path: byId, tag, summary: "Get a webhook", scope: "webhooks:read", response: webhookSchema, status: 200, errors: [404] }),
  replace: contract({ method: "put", summary: "Update a webhook", ...update }),
  update: contract({ method: "patch", summary: "Update some fields of a webhook", ...update }),
  delete: contract({ method: "delete", path: byId, tag, summary: "Delete a webhook", scope: "webhooks:write", status: 204, errors: [404] }),
  enable: contract({ method: "post", path: `${byId}/enable`, tag, summary: "Enable a webhook (resumes its held deliveries)", scope: "webhooks:write", response: webhookSchema, status: 200, errors: [404] }),
  disable: contract({ method: "post", path: `${byId}/disable`, tag, summary: "Disable a webhook (its deliveries wait)", scope: "webhooks:write", response: webhookSchema, status: 200, errors: [404] }),
  secret: contract({
    method: "get",
    path: `${byId}/secret`,
    tag,
    summary: "Reveal the signing secret(s)",
    description: "Needs webhooks:write: whoever holds the secret can forge deliveries.",
    scope: "webhooks:write",
    response: webhookSecretSchema,
    status: 200,
    errors: [404],
  }),
  customHeaders: contract({
    method: "get",
    path: `${byId}/custom-headers`,
    tag,
    summary: "Reveal the custom header values",
    description: "Needs webhooks:write: the values are usually the receiver's credentials; every other answer shows them as \"***\" (send \"***\" back in an update to keep a value).",
    scope: "webhooks:write",
    response: webhookCustomHeadersSchema,
    status: 200,
    errors: [404],
  }),
  rotateSecret: contract({
    method: "post",
    path: `${byId}/secret/rotate`,
    tag,
    summary: "Rotate the signing secret",
    description: "The previous secret keeps signing during the grace period. A bare POST generates a secret with the default grace period.",
    scope: "webhooks:write",
    body: secretRotateSchema,
    bodyOptional: true,
    maxBytes: SMALL_BODY_BYTES,
    response: webhookSecretSchema,
    status: 200,
    errors: [400, 404, 413, 415, 422],
  }),
  test: contract({
    method: "post",
    path: `${byId}/test`,
    tag,
    summary: "Send a test event synchronously",
    description: "Sends webhook.test (or `event_type` with its catalog example) and returns the attempt. A bare POST sends webhook.test.",
    scope: "webhooks:write",
    body: testSendSchema,
    bodyOptional: true,
    maxBytes: MAX_EVENT_BYTES,
    response: testSendResultSchema,
    status: 200,
    errors: [400, 404, 413, 415, 422],
  }),
  logs: contract({
    method: "get",
    path: `${byId}/logs`,
    tag,
    summary: "Delivery attempt log of a webhook",
    scope: "deliveries:read",
    query: webhookLogsQuery,
    response: page(webhookAttemptLogSchema),
    status: 200,
    errors: [404, 422],
  }),
  stats: contract({
    method: "get",
    path: `${byId}/stats`,
    tag,
    summary: "Health metrics: success rate, latency (avg, p95), error rate, queue depth, and the same per time bucket",
    scope: "webhooks:read",
    query: statsWindowQuery,
    response: webhookStatsSchema,
    status: 200,
    errors: [404, 422],
  }),
};
