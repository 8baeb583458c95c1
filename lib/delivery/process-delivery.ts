// One delivery attempt, end to end: claim → hold checks → build the signed
// request → POST → decide → record (batched) → schedule the next attempt.
// Called by the worker for each job.
import { config } from "../config";
import { newId } from "../ids";
import { enqueueDeliveries } from "../queue/delivery-queue";
import type { DeliverJobData } from "../queue/jobs";
import type { AttemptRecorder } from "./attempt-recorder";
import { buildRequest } from "./build-request";
import { claimDelivery, releaseDelivery } from "./claim";
import { afterAttempt, circuitHold } from "./endpoint-health";
import { postWebhook } from "./http-sender";
import { nextStep } from "./next-attempt";

export type ProcessResult =
  | { kind: "succeeded" | "retry_scheduled" | "failed" | "skipped" }
  /** Not sent now (circuit open, rate limit…): run the same job again at `until`. */
  | { kind: "held"; until: Date; reason: string };

export async function processDelivery(job: DeliverJobData, recorder: AttemptRecorder): Promise<ProcessResult> {
  const delivery = await claimDelivery(job);
  // Deleted, finished, endpoint disabled (its deliveries wait for it to be
  // enabled again), or this attempt already recorded by a duplicate job.
  if (!delivery) return { kind: "skipped" };

  const now = new Date();
  const circuit = circuitHold(delivery, now);
  if (circuit) return hold(delivery.id, circuit, "circuit open");

  const request = buildRequest(delivery, job.attempt, now);
  const timeoutMs = (delivery.endpoint.policy.timeout_sec ?? config().WEBHOOK_TIMEOUT_SEC) * 1000;
  const result = await postWebhook(request.url, request.headers, request.body, timeoutMs);
  const step = nextStep(result, delivery.endpoint.policy, job.attempt);
  const finishedAt = new Date();
  const nextAttemptAt = step.delayMs === null ? null : new Date(finishedAt.getTime() + step.delayMs);

  await recorder.record({
    attempt: {
      id: newId("att"),
      workspaceId: delivery.workspaceId,
      deliveryId: delivery.id,
      number: job.attempt,
      trigger: "scheduled",
      requestUrl: request.url,
      requestHeaders: request.headers,
      requestBody: request.body,
      responseStatus: result.status,
      responseHeaders: result.headers ?? undefined,
      responseBody: result.body,
      durationMs: result.durationMs,
      error: result.error,
      createdAt: now,
    },
    delivery: {
      id: delivery.id,
      status: step.status,
      attemptCount: job.attempt,
      nextAttemptAt,
      lastAttemptAt: finishedAt,
      lastStatus: result.status,
      lastError: result.error ?? (step.outcome === "success" ? null : `HTTP ${result.status}`),
    },
    endpoint: { id: delivery.endpoint.id, success: step.outcome === "success", at: finishedAt },
  });
  await afterAttempt({ delivery, attempt: job.attempt, result, step });

  if (step.status === "pending" && step.delayMs !== null) {
    await enqueueDeliveries([{ deliveryId: delivery.id, attempt: job.attempt + 1, delayMs: step.delayMs }]);
    return { kind: "retry_scheduled" };
  }
  return { kind: step.status === "succeeded" ? "succeeded" : "failed" };
}

async function hold(deliveryId: string, until: Date, reason: string): Promise<ProcessResult> {
  await releaseDelivery(deliveryId, until);
  return { kind: "held", until, reason };
}
