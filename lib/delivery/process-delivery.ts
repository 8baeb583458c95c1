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

interface ClaimedDelivery {
  id: string;
  workspaceId: string;
  event: { id: string; type: string; payload: unknown; createdAt: Date };
  endpoint: { id: string; url: string; secretEncrypted: string };
}

/**
 * Marks the delivery "sending" and loads what the attempt needs, in one round
 * trip. A delivery left "sending" by a killed worker can be claimed again by
 * the same attempt number (BullMQ re-runs the stalled job after its lock expires).
 */
async function claimDelivery(job: DeliverJobData): Promise<ClaimedDelivery | null> {
  const rows = await db.$queryRaw<
    Array<{ id: string; workspaceId: string; eventId: string; type: string; payload: unknown; eventCreatedAt: Date; endpointId: string; url: string; secretEncrypted: string }>
  >`
    WITH claimed AS (
      UPDATE "Delivery" AS d SET status = 'sending', "updatedAt" = now()
        FROM "Endpoint" AS p
       WHERE d.id = ${job.deliveryId} AND p.id = d."endpointId" AND p.status = 'active'
         AND d.status IN ('pending', 'sending') AND d."attemptCount" < ${job.attempt}
      RETURNING d.id, d."workspaceId", d."eventId", p.id AS "endpointId", p.url, p."secretEncrypted")
    SELECT c.*, e.type, e.payload, e."createdAt" AS "eventCreatedAt"
      FROM claimed c JOIN "Event" e ON e.id = c."eventId"`;
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    workspaceId: r.workspaceId,
    event: { id: r.eventId, type: r.type, payload: r.payload, createdAt: r.eventCreatedAt },
    endpoint: { id: r.endpointId, url: r.url, secretEncrypted: r.secretEncrypted },
  };
}

export type ProcessResult = "succeeded" | "retry_scheduled" | "failed" | "skipped";

export async function processDelivery(job: DeliverJobData, recorder: AttemptRecorder): Promise<ProcessResult> {
  const delivery = await claimDelivery(job);
  // Deleted, finished, endpoint disabled (its deliveries wait for it to be
  // enabled again), or this attempt already recorded by a duplicate job.
  if (!delivery) return "skipped";

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
