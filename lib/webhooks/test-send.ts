// Test-send (the AI Social Media Platform's POST /webhooks/:id/test): one real, signed request to
// the endpoint, made synchronously so the caller sees the answer at once. It is
// stored like any delivery (event, delivery, attempt with trigger "test") so it
// shows in the logs, but never retried and never counted against endpoint health.
import { db, Prisma } from "../db";
import { newId } from "../ids";
import { notFound } from "../api/errors";
import { config } from "../config";
import { readPolicy } from "../validation/endpoint-policy";
import { buildRequest, loggedHeaders } from "../delivery/build-request";
import type { ClaimedDelivery } from "../delivery/claim";
import { postWebhook } from "../delivery/http-sender";
import { classify } from "../delivery/outcome";
import { attemptRow, lastErrorOf } from "../delivery/attempt-row";
import { getEventType } from "../catalog";
import type { TestSendResult } from "../validation/webhook-tools";

export const TEST_EVENT = { type: "webhook.test", data: { message: "This is a test webhook event" } };

/** A chosen type without a payload is sent with its catalog example (empty when it has none). */
async function exampleFor(workspaceId: string, type: string): Promise<Record<string, unknown>> {
  try {
    return ((await getEventType(workspaceId, type)).example as Record<string, unknown> | null) ?? {};
  } catch {
    return {};
  }
}

export async function testSend(
  workspaceId: string,
  endpointId: string,
  input: { type?: string; data?: Record<string, unknown> },
): Promise<TestSendResult> {
  const endpoint = await db.endpoint.findFirst({
    where: { id: endpointId, workspaceId, kind: "webhook" },
    include: { workspace: { select: { callbackSecretEncrypted: true } } },
  });
  if (!endpoint) throw notFound("Webhook");
  const type = input.type ?? TEST_EVENT.type;
  const data = input.data ?? (type === TEST_EVENT.type ? TEST_EVENT.data : await exampleFor(workspaceId, type));
  const now = new Date();
  const eventId = newId("evt");
  const deliveryId = newId("dlv");

  const claimed: ClaimedDelivery = {
    id: deliveryId,
    interrupted: false,
    workspaceId,
    attemptCount: 0,
    coalesceKey: null,
    event: { id: eventId, type, payload: data, createdAt: now },
    endpoint: {
      id: endpoint.id,
      kind: "webhook",
      url: endpoint.url,
      policy: readPolicy(endpoint.policy),
      customHeadersEncrypted: endpoint.customHeadersEncrypted,
      secretEncrypted: endpoint.secretEncrypted,
      previousSecretEncrypted: endpoint.previousSecretEncrypted,
      previousSecretExpiresAt: endpoint.previousSecretExpiresAt,
      consecutiveFailures: endpoint.consecutiveFailures,
      failingSince: endpoint.failingSince,
      circuitOpenUntil: endpoint.circuitOpenUntil,
    },
    callbackSecretEncrypted: endpoint.workspace.callbackSecretEncrypted,
  };
  const request = buildRequest(claimed, 1, now);
  const timeoutMs = (claimed.endpoint.policy.timeout_sec ?? config().WEBHOOK_TIMEOUT_SEC) * 1000;
  const result = await postWebhook(request.url, request.headers, request.body, timeoutMs);
  const success = !result.blocked && classify(result.status) === "success";
  const finishedAt = new Date();
  const attemptId = newId("att");

  await db.$transaction([
    db.event.create({ data: { id: eventId, workspaceId, type, payload: data as Prisma.InputJsonObject, createdAt: now } }),
    db.delivery.create({
      data: {
        id: deliveryId,
        workspaceId,
        eventId,
        endpointId: endpoint.id,
        status: success ? "succeeded" : "failed",
        attemptCount: 1,
        lastAttemptAt: finishedAt,
        lastStatus: result.status,
        lastError: lastErrorOf(result, success),
        createdAt: now,
      },
    }),
    db.attempt.create({
      data: { ...attemptRow({ workspaceId, deliveryId, number: 1, trigger: "test", request, result, startedAt: now }), id: attemptId },
    }),
  ]);
  return {
    event_id: eventId,
    delivery_id: deliveryId,
    attempt_id: attemptId,
    success,
    // As stored in the attempt: custom header values masked.
    request: { url: request.url, headers: loggedHeaders(request), body: request.body },
    response: { status: result.status, headers: result.headers, body: result.body },
    duration_ms: result.durationMs,
    error: result.error,
  };
}
