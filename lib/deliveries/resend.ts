// Manual resends (replay, event replay, bulk recover): each delivery gets one
// more attempt now, numbered attemptCount + 1 with trigger "manual", whatever
// its status — the same mechanism as the dead-letter retry. A delivery being
// sent right now is left alone (its attempt is in flight); a pending one whose
// next attempt is scheduled later has that job replaced by the manual one.
import { db } from "../db";
import { ApiError, notFound } from "../api/errors";
import { deliveryQueue, enqueueDeliveries } from "../queue/delivery-queue";
import { deliverJobId, queueForAttempt } from "../queue/jobs";
import { readPolicy } from "../validation/endpoint-policy";
import { logger } from "../logger";

export interface ResendRow {
  id: string;
  status: string;
  attemptCount: number;
  endpointId: string;
  endpoint: { policy: unknown };
}

export const resendSelect = { id: true, status: true, attemptCount: true, endpointId: true, endpoint: { select: { policy: true } } } as const;

/** Returns the ids actually put back in the queue (those not already being sent). */
export async function resendDeliveries(rows: ResendRow[]): Promise<string[]> {
  const ready = rows.filter((r) => r.status !== "sending");
  if (ready.length === 0) return [];
  const { count } = await db.delivery.updateMany({
    // The status guard keeps a worker's in-flight claim (set meanwhile) intact.
    where: { id: { in: ready.map((r) => r.id) }, status: { not: "sending" } },
    data: { status: "pending", nextAttemptAt: new Date(), lastError: null },
  });
  if (count === 0) return [];
  await Promise.all(ready.filter((r) => r.status === "pending").map((r) => dropScheduledJob(r.id, r.attemptCount + 1)));
  await enqueueDeliveries(
    ready.map((r) => {
      const batch = readPolicy(r.endpoint.policy).batch;
      const attempt = r.attemptCount + 1;
      return batch ? { deliveryId: r.id, attempt, trigger: "manual" as const, batch: true, endpointId: r.endpointId } : { deliveryId: r.id, attempt, trigger: "manual" as const };
    }),
  );
  return ready.map((r) => r.id);
}

// A waiting retry job has the same id as the manual attempt would: remove it
// so the manual one goes now. A job already running can't be removed; then it
// is making this very attempt anyway.
async function dropScheduledJob(deliveryId: string, attempt: number) {
  try {
    const job = await deliveryQueue(queueForAttempt(attempt)).getJob(deliverJobId({ deliveryId, attempt }));
    if (job && ((await job.isDelayed()) || (await job.isWaiting()))) await job.remove();
  } catch (err) {
    logger.debug({ err, deliveryId }, "scheduled job not removed");
  }
}

/** POST /deliveries/:id/replay */
export async function replayDelivery(workspaceId: string, id: string) {
  const row = await db.delivery.findFirst({ where: { id, workspaceId }, select: { ...resendSelect, endpoint: { select: { policy: true, status: true } } } });
  if (!row) throw notFound("Delivery");
  if (row.endpoint.status !== "active") throw new ApiError("conflict", "The webhook is disabled: enable it to send its deliveries");
  if (row.status === "sending") throw new ApiError("conflict", "An attempt of this delivery is in flight; replay it once it finishes");
  await resendDeliveries([row]);
  return { id: row.id, status: "pending" as const, attempt: row.attemptCount + 1, trigger: "manual" as const };
}
