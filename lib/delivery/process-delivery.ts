// One delivery attempt, end to end: load → envelope → sign → POST → classify →
// record (batched) → schedule the next attempt. Called by the worker per job.
import { db } from "../db";
import { config } from "../config";
import { newId } from "../ids";
import { decryptSecret } from "../crypto/secret-box";
import { standardWebhookHeaders } from "../signing/standard-webhooks";
import { enqueueDeliveries } from "../queue/delivery-queue";
import type { DeliverJobData } from "../queue/jobs";
import { buildEnvelope } from "./envelope";
import { postWebhook } from "./http-sender";
import { classify } from "./outcome";
import { capRetries, delayBefore, parseSchedule } from "./retry-schedule";
import type { AttemptRecorder } from "./attempt-recorder";

export const USER_AGENT = "HookRelay/0.1 (+webhook delivery)";

let defaultSchedule: number[] | undefined;
export function envSchedule(): number[] {
  defaultSchedule ??= capRetries(parseSchedule(config().DELIVERY_RETRY_SCHEDULE), config().WEBHOOK_MAX_RETRIES);
  return defaultSchedule;
}

export type ProcessResult = "succeeded" | "retry_scheduled" | "failed" | "skipped";

export async function processDelivery(job: DeliverJobData, recorder: AttemptRecorder): Promise<ProcessResult> {
  const delivery = await db.delivery.findUnique({
    where: { id: job.deliveryId },
    select: {
      id: true,
      workspaceId: true,
      status: true,
      attemptCount: true,
      event: { select: { id: true, type: true, payload: true, createdAt: true } },
      endpoint: { select: { id: true, url: true, status: true, secretEncrypted: true } },
    },
  });
  // Deleted, finished, or this attempt already recorded (a duplicate job): nothing to send.
  if (!delivery || delivery.status === "succeeded" || delivery.status === "failed") return "skipped";
  if (delivery.attemptCount >= job.attempt) return "skipped";
  // A disabled endpoint keeps its deliveries pending; enabling it resumes them.
  if (delivery.endpoint.status !== "active") return "skipped";

  const { event, endpoint } = delivery;
  const body = buildEnvelope({
    eventId: event.id,
    type: event.type,
    createdAt: event.createdAt,
    payload: event.payload,
    attempt: job.attempt,
    endpointId: endpoint.id,
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    "content-type": "application/json",
    "user-agent": USER_AGENT,
    ...standardWebhookHeaders([decryptSecret(endpoint.secretEncrypted)], event.id, timestamp, body),
  };

  const startedAt = new Date();
  const result = await postWebhook(endpoint.url, headers, body, config().WEBHOOK_TIMEOUT_SEC * 1000);
  const outcome = classify(result.status);

  const schedule = envSchedule();
  const nextDelay = outcome === "retry" ? delayBefore(schedule, job.attempt + 1) : null;
  const status = outcome === "success" ? "succeeded" : nextDelay === null ? "failed" : "pending";
  const finishedAt = new Date();
  const nextAttemptAt = nextDelay === null ? null : new Date(finishedAt.getTime() + nextDelay);

  await recorder.record({
    attempt: {
      id: newId("att"),
      workspaceId: delivery.workspaceId,
      deliveryId: delivery.id,
      number: job.attempt,
      trigger: "scheduled",
      requestUrl: endpoint.url,
      requestHeaders: headers,
      requestBody: body,
      responseStatus: result.status,
      responseHeaders: result.headers ?? undefined,
      responseBody: result.body,
      durationMs: result.durationMs,
      error: result.error,
      createdAt: startedAt,
    },
    delivery: {
      id: delivery.id,
      status,
      attemptCount: job.attempt,
      nextAttemptAt,
      lastAttemptAt: finishedAt,
      lastStatus: result.status,
      lastError: result.error ?? (outcome === "success" ? null : `HTTP ${result.status}`),
    },
    endpoint: { id: endpoint.id, success: outcome === "success", at: finishedAt },
  });

  if (nextDelay !== null) {
    await enqueueDeliveries([{ deliveryId: delivery.id, attempt: job.attempt + 1, delayMs: nextDelay }]);
    return "retry_scheduled";
  }
  return status === "succeeded" ? "succeeded" : "failed";
}
