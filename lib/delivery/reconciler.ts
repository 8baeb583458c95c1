// PostgreSQL is the source of truth and Redis only the transport. Deliveries
// that are due but have no job that will run them (Redis down at ingest, flushed,
// restarted without persistence; a job whose own tries ran out while PostgreSQL
// was down; a worker that died mid-attempt) are found here and enqueued again.
//
// Every overdue row is visited, page by page in (nextAttemptAt, id) order, so rows
// that cannot be enqueued never hide the ones behind them. A row whose job is still
// waiting or running is left alone (requeueDeliveries checks the job's state), so
// running this often never doubles a job. Sending an attempt twice is prevented by
// the claim (lib/delivery/claim.ts): a job for an attempt already recorded claims nothing.
import { db } from "../db";
import { requeueDeliveries } from "../queue/delivery-queue";

interface Cursor {
  at: Date;
  id: string;
}

/**
 * Re-enqueues deliveries that are pending and overdue by more than `graceMs`,
 * or "sending" without a change for longer than `staleSendingMs` and with no
 * live job (their worker died and their job is gone or failed). Returns how many
 * jobs were added.
 */
export async function reconcileOverdue(graceMs: number, staleSendingMs: number, pageSize = 1000): Promise<number> {
  const now = Date.now();
  let added = 0;
  for (const where of [
    { status: "pending" as const, nextAttemptAt: { lt: new Date(now - graceMs) } },
    { status: "sending" as const, updatedAt: { lt: new Date(now - staleSendingMs) } },
  ]) {
    let cursor: Cursor | undefined;
    for (;;) {
      const page = await db.delivery.findMany({
        where: {
          ...where,
          endpoint: { status: "active" },
          ...(cursor ? { OR: [{ nextAttemptAt: { gt: cursor.at } }, { nextAttemptAt: cursor.at, id: { gt: cursor.id } }] } : {}),
        },
        select: { id: true, attemptCount: true, nextAttemptAt: true },
        orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
        take: pageSize,
      });
      added += await requeueDeliveries(page.map((d) => ({ deliveryId: d.id, attempt: d.attemptCount + 1 })));
      const last = page.at(-1);
      if (page.length < pageSize || !last?.nextAttemptAt) break;
      cursor = { at: last.nextAttemptAt, id: last.id };
    }
  }
  return added;
}

/** Marks a delivery failed after an internal error (not the receiver's answer). */
export async function failDelivery(deliveryId: string, reason: string): Promise<void> {
  await db.delivery.updateMany({
    where: { id: deliveryId, status: { in: ["pending", "sending"] } },
    data: { status: "failed", lastError: reason.slice(0, 1000), nextAttemptAt: null },
  });
}
