// Getting an endpoint's waiting deliveries moving again, when its circuit
// closes or it is enabled again. Held deliveries sit in delayed jobs (circuit
// hold); a disabled endpoint's jobs were dropped when they ran (their
// deliveries stay pending). Either way PostgreSQL lists them: enqueue what has
// no job, and promote the delayed jobs of those that are due.
import { db } from "../db";
import { logger } from "../logger";
import { deliveryQueue, enqueueDeliveries, type ScheduledDelivery } from "../queue/delivery-queue";
import { deliverJobId, queueForAttempt } from "../queue/jobs";
import { readPolicy } from "../validation/endpoint-policy";

const PAGE = 500;

/**
 * Deliveries due by `dueBy` (held ones are due by the end of the hold) run now;
 * later ones keep their schedule. Past `limit` the reconciler takes over.
 * Returns how many were started now.
 */
export async function resumeDeliveries(endpointId: string, dueBy: Date, limit = 10_000): Promise<number> {
  const endpoint = await db.endpoint.findUnique({ where: { id: endpointId }, select: { policy: true, status: true } });
  if (!endpoint || endpoint.status !== "active") return 0;
  const batch = !!readPolicy(endpoint.policy).batch;
  let started = 0;
  let cursor: string | undefined;
  for (let seen = 0; seen < limit; ) {
    const page = await db.delivery.findMany({
      where: { endpointId, status: "pending", ...(cursor ? { id: { gt: cursor } } : {}) },
      select: { id: true, attemptCount: true, nextAttemptAt: true },
      orderBy: { id: "asc" },
      take: PAGE,
    });
    if (page.length === 0) break;
    cursor = page[page.length - 1].id;
    seen += page.length;
    const now = Date.now();
    const items: ScheduledDelivery[] = page.map((d) => {
      const due = !d.nextAttemptAt || d.nextAttemptAt <= dueBy;
      return {
        deliveryId: d.id,
        attempt: d.attemptCount + 1,
        delayMs: due ? 0 : d.nextAttemptAt!.getTime() - now,
        ...(batch ? { batch: true, endpointId } : {}),
      };
    });
    // Same job ids as before: a job that still exists is left alone here…
    await enqueueDeliveries(items);
    // …and brought forward if it is a delayed one that is due.
    const due = items.filter((i) => !i.delayMs);
    await Promise.all(due.map(promote));
    started += due.length;
    if (page.length < PAGE) break;
  }
  return started;
}

async function promote(item: ScheduledDelivery): Promise<void> {
  try {
    const job = await deliveryQueue(queueForAttempt(item.attempt)).getJob(deliverJobId(item));
    if (job && (await job.isDelayed())) await job.promote();
  } catch (err) {
    // It ran or moved meanwhile; at worst it waits for its hold to end.
    logger.debug({ err, deliveryId: item.deliveryId }, "could not promote a held delivery job");
  }
}
