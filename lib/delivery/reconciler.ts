// PostgreSQL is the source of truth and Redis only the transport. Deliveries
// that are due but were never enqueued (Redis down at ingest, flushed, restarted
// without persistence) are found here and enqueued again. Job ids are
// (delivery, attempt), so re-adding a job that still exists does nothing.
import { db } from "../db";
import { enqueueDeliveries } from "../queue/delivery-queue";

/**
 * Re-enqueues deliveries that are pending and overdue by more than `graceMs`,
 * or stuck "sending" for longer than `staleSendingMs` (their worker died and
 * their job is gone too). Returns how many were enqueued.
 */
export async function reconcileOverdue(graceMs: number, staleSendingMs: number, limit = 1000): Promise<number> {
  const now = Date.now();
  const overdue = await db.delivery.findMany({
    where: {
      OR: [
        { status: "pending", nextAttemptAt: { lt: new Date(now - graceMs) } },
        { status: "sending", updatedAt: { lt: new Date(now - staleSendingMs) } },
      ],
      endpoint: { status: "active" },
    },
    select: { id: true, attemptCount: true },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
  });
  await enqueueDeliveries(overdue.map((d) => ({ deliveryId: d.id, attempt: d.attemptCount + 1 })));
  return overdue.length;
}

/** Marks a delivery failed after an internal error (not the receiver's answer). */
export async function failDelivery(deliveryId: string, reason: string): Promise<void> {
  await db.delivery.updateMany({
    where: { id: deliveryId, status: { in: ["pending", "sending"] } },
    data: { status: "failed", lastError: reason.slice(0, 1000), nextAttemptAt: null },
  });
}
