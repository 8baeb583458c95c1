// One delivery attempt, end to end: claim → hold checks (circuit, coalescing,
// rate limit, in-flight limit) → build the signed request → POST → decide →
// record (batched) → schedule the next attempt. Called by the worker for each job. In batch mode
// one request carries several deliveries; each gets its own attempt row.
import { config } from "../config";
import { newId } from "../ids";
import { logger } from "../logger";
import { enqueueDeliveries } from "../queue/delivery-queue";
import type { DeliverJobData } from "../queue/jobs";
import type { AttemptRecord, AttemptRecorder } from "./attempt-recorder";
import { claimBatchMates, withBatchLock } from "./batch";
import { buildRequest } from "./build-request";
import { claimDelivery, releaseDelivery, type ClaimedDelivery } from "./claim";
import { coalesceGate, skipDelivery } from "./coalesce-gate";
import { afterAttempt, circuitHold } from "./endpoint-health";
import { buildBatch } from "./envelope";
import { attemptRow, lastErrorOf } from "./attempt-row";
import { postWebhook } from "./http-sender";
import { maxInFlight, parkMs, takeSlot, type JobRef, type Slot } from "./in-flight";
import { nextStep } from "./next-attempt";
import { rateLimitWait } from "./rate-limit";

export type ProcessResult =
  | { kind: "succeeded" | "retry_scheduled" | "failed" | "skipped" | "unrecorded" }
  /** Not sent now (circuit open, rate limit…): run the same job again at `until`. */
  | { kind: "held"; until: Date; reason: string };

/** `ref` names the queued job, so that it can be woken when its endpoint has a free slot again. */
export async function processDelivery(job: DeliverJobData, recorder: AttemptRecorder, ref?: JobRef): Promise<ProcessResult> {
  if (job.batch) {
    // One batch forms at a time per endpoint; simultaneous jobs would otherwise
    // each claim themselves and send fragments. Waiters are usually taken along.
    const result = await withBatchLock(job.endpointId ?? job.deliveryId, () => processClaimed(job, recorder, ref));
    return result ?? { kind: "held", until: new Date(Date.now() + 50), reason: "batch forming" };
  }
  return processClaimed(job, recorder, ref);
}

async function processClaimed(job: DeliverJobData, recorder: AttemptRecorder, ref?: JobRef): Promise<ProcessResult> {
  const delivery = await claimDelivery(job);
  // Deleted, finished, endpoint disabled (its deliveries wait for it to be
  // enabled again), or this attempt already recorded by a duplicate job.
  if (!delivery) return { kind: "skipped" };
  if (delivery.interrupted) await recordInterrupted(delivery, job.attempt, recorder);

  const circuit = await circuitHold(delivery, new Date());
  if (circuit) return hold(delivery.id, circuit, "circuit open");

  const gate = await coalesceGate(delivery);
  if (gate.action === "skip") {
    await skipDelivery(delivery.id);
    return { kind: "skipped" };
  }
  if (gate.action === "hold") return hold(delivery.id, new Date(Date.now() + gate.ms), "coalescing");

  const throttled = await rateLimitWait(delivery.endpoint.id, delivery.endpoint.policy.rate_limit_per_sec);
  if (throttled > 0) return hold(delivery.id, new Date(Date.now() + throttled), "rate limit");

  // Last gate: an endpoint at its in-flight limit gets its job back in the queue
  // (woken when a slot frees), so it never holds a worker slot while it waits.
  const timeoutMs = attemptTimeoutMs(delivery);
  const slot = await takeSlot(delivery.endpoint.id, maxInFlight(delivery.endpoint.policy.max_in_flight), timeoutMs, ref);
  if (!slot) return hold(delivery.id, new Date(Date.now() + parkMs(timeoutMs)), "endpoint at max_in_flight");
  try {
    return await send(delivery, job.attempt, recorder, job.trigger ?? "scheduled", slot);
  } finally {
    await slot.release();
  }
}

const attemptTimeoutMs = (d: ClaimedDelivery) => (d.endpoint.policy.timeout_sec ?? config().WEBHOOK_TIMEOUT_SEC) * 1000;

interface Member {
  id: string;
  attempt: number;
  delivery: ClaimedDelivery;
}

async function send(
  delivery: ClaimedDelivery,
  attempt: number,
  recorder: AttemptRecorder,
  trigger: "scheduled" | "manual",
  slot: Slot,
): Promise<ProcessResult> {
  const batch = delivery.endpoint.policy.batch;
  const members: Member[] = [{ id: delivery.id, attempt, delivery }];
  let body: string | undefined;
  let msgId: string | undefined;
  if (batch) {
    for (const mate of await claimBatchMates(delivery, batch.max_size)) {
      members.push({ id: mate.id, attempt: mate.attemptCount + 1, delivery: { ...delivery, id: mate.id, event: mate.event } });
    }
    msgId = newId("bat");
    body = buildBatch(
      msgId,
      members.map((m) => ({ ...m.delivery.event, eventId: m.delivery.event.id, attempt: m.attempt, endpointId: delivery.endpoint.id })),
    );
  }

  const now = new Date();
  const request = buildRequest(delivery, attempt, now, { body, msgId });
  const result = await postWebhook(request.url, request.headers, request.body, attemptTimeoutMs(delivery));
  // The endpoint is done with: its next request may start while this one is recorded.
  await slot.release();
  const finishedAt = new Date();

  const steps = members.map((m) => nextStep(result, delivery.endpoint.policy, m.attempt));
  const recorded = await Promise.all(
    members.map((m, i) => {
      const step = steps[i];
      return recordSent(recorder, {
        attempt: attemptRow({
          workspaceId: delivery.workspaceId,
          deliveryId: m.id,
          number: m.attempt,
          trigger: m.id === delivery.id ? trigger : "scheduled",
          request,
          result,
          startedAt: now,
        }),
        delivery: {
          id: m.id,
          status: step.status,
          attemptCount: m.attempt,
          nextAttemptAt: step.delayMs === null ? null : new Date(finishedAt.getTime() + step.delayMs),
          lastAttemptAt: finishedAt,
          lastStatus: result.status,
          lastError: lastErrorOf(result, step.outcome === "success"),
        },
        endpoint: { id: delivery.endpoint.id, success: step.outcome === "success", at: finishedAt },
      });
    }),
  );
  // An unrecorded delivery (the database stayed unreachable) is left "sending"
  // for the reconciler, which retries it once its worker is presumed dead.
  const done = members.flatMap((m, i) => (recorded[i] ? [{ m, step: steps[i] }] : []));
  for (const { m, step } of done) await afterAttempt({ delivery: m.delivery, attempt: m.attempt, result, step });

  await enqueueDeliveries(
    done.flatMap(({ m, step }) =>
      step.status === "pending" && step.delayMs !== null
        ? [{ deliveryId: m.id, attempt: m.attempt + 1, delayMs: step.delayMs, batch: !!batch || undefined, endpointId: delivery.endpoint.id }]
        : [],
    ),
  );
  if (!recorded[0]) return { kind: "unrecorded" };
  const own = steps[0];
  return { kind: own.status === "succeeded" ? "succeeded" : own.status === "failed" ? "failed" : "retry_scheduled" };
}

// Waits between tries to record a sent request: about half a minute in all.
const RECORD_RETRY_DELAYS_MS = [250, 500, 1000, 2000, 4000, 8000, 8000, 8000];

/**
 * Records the attempt of a request that was sent. It never throws: a failed
 * job would run again and POST the same webhook again, only because its record
 * could not be written. The recorder already isolates a record PostgreSQL
 * refuses; what remains is the database being unreachable, so this waits and
 * tries again. Returns false when it never got through.
 */
async function recordSent(recorder: AttemptRecorder, record: AttemptRecord): Promise<boolean> {
  for (let i = 0; ; i++) {
    try {
      await recorder.record(record);
      return true;
    } catch (err) {
      if (i >= RECORD_RETRY_DELAYS_MS.length) {
        logger.error({ err, deliveryId: record.delivery.id }, "could not record a sent attempt; left for the reconciler");
        return false;
      }
      await new Promise((r) => setTimeout(r, RECORD_RETRY_DELAYS_MS[i]));
    }
  }
}

async function hold(deliveryId: string, until: Date, reason: string): Promise<ProcessResult> {
  await releaseDelivery(deliveryId, until);
  return { kind: "held", until, reason };
}

/**
 * A worker died mid-attempt (its job's lock expired and the job runs again).
 * Whether that request reached the receiver is unknown; the log says so, and
 * the attempt is made again with the same number (receivers dedupe on webhook-id).
 */
async function recordInterrupted(d: ClaimedDelivery, attempt: number, recorder: AttemptRecorder) {
  const at = new Date();
  await recorder.record({
    attempt: {
      id: newId("att"),
      workspaceId: d.workspaceId,
      deliveryId: d.id,
      number: attempt,
      trigger: "scheduled",
      requestUrl: d.endpoint.url,
      requestHeaders: {},
      requestBody: "",
      responseStatus: null,
      responseBody: null,
      durationMs: 0,
      error: "interrupted: the worker stopped during this attempt; it is being retried",
      createdAt: at,
    },
    delivery: {
      id: d.id,
      status: "sending", // claimed again right now, for the retry of this attempt
      attemptCount: d.attemptCount,
      nextAttemptAt: at,
      lastAttemptAt: at,
      lastStatus: null,
      lastError: "interrupted attempt",
    },
    endpoint: { id: d.endpoint.id, success: false, at },
  });
}
