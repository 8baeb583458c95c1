// PostgreSQL is the source of truth and Redis only the transport. Deliveries
// that are due but were never enqueued (Redis down at ingest, flushed, restarted
// without persistence) are found here and enqueued again. Job ids are
// (delivery, attempt), so re-adding a job that still exists does nothing.
import { db } from "../db";
import { enqueueDeliveries } from "../queue/delivery-queue";

/** Re-enqueues pending deliveries overdue by more than `graceMs`; returns how many. */
export async function reconcileOverdue(graceMs: number, limit = 1000): Promise<number> {
  const overdue = await db.delivery.findMany({
    where: {
      status: "pending",
      nextAttemptAt: { lt: new Date(Date.now() - graceMs) },
      endpoint: { status: "active" },
    },
    select: { id: true, attemptCount: true },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
  });
  await enqueueDeliveries(overdue.map((d) => ({ deliveryId: d.id, attempt: d.attemptCount + 1 })));
  return overdue.length;
}
