import type { Queue } from "bullmq";
import { logger } from "../logger";
import { readyRedis } from "../redis";
import { deliverJob, deliverJobId, queueForAttempt, type DeliverJobData } from "./jobs";
import { queue } from "./queues";

export function deliveryQueue(name: string = deliverJob.queues.first): Queue {
  // Job-level retries cover infrastructure errors only (database briefly
  // unreachable…); webhook retries are scheduled by the worker from PostgreSQL.
  return queue(name, { removeOnComplete: true, removeOnFail: 1000, attempts: 5, backoff: { type: "exponential", delay: 1000 } });
}

export interface ScheduledDelivery extends DeliverJobData {
  delayMs?: number;
}

/**
 * Enqueue delivery attempts. Never throws: PostgreSQL already holds every
 * delivery, so a Redis outage only delays them (the reconciler re-enqueues).
 */
export async function enqueueDeliveries(items: ScheduledDelivery[]): Promise<boolean> {
  if (items.length === 0) return true;
  try {
    await readyRedis();
    for (const [name, group] of byQueue(items)) await addJobs(name, group);
    return true;
  } catch (err) {
    logger.warn({ err: err instanceof Error ? err.message : err, count: items.length }, "could not enqueue deliveries; the reconciler will pick them up");
    return false;
  }
}

function byQueue<T extends DeliverJobData>(items: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = queueForAttempt(item.attempt);
    groups.set(name, [...(groups.get(name) ?? []), item]);
  }
  return groups;
}

async function addJobs(name: string, group: ScheduledDelivery[]) {
  await deliveryQueue(name).addBulk(
    group.map(({ delayMs, ...data }) => ({
      name: deliverJob.name,
      data: deliverJob.schema.parse(data),
      opts: { jobId: deliverJobId(data), delay: delayMs && delayMs > 0 ? delayMs : undefined },
    })),
  );
}

// A job in one of these states will run (or is running): adding its id again would be ignored anyway.
const LIVE_STATES = new Set(["waiting", "active", "delayed", "prioritized", "waiting-children"]);

/**
 * The reconciler's enqueue: adds a job for each item unless one with its id is
 * still live. A job left in the failed set (its tries ran out while PostgreSQL
 * was down) or the completed set would otherwise swallow the add, since BullMQ
 * ignores a job id it still holds; that stale job is removed first. Returns how
 * many jobs were actually added. Throws when Redis is unavailable.
 */
export async function requeueDeliveries(items: DeliverJobData[]): Promise<number> {
  if (items.length === 0) return 0;
  await readyRedis();
  let added = 0;
  for (const [name, group] of byQueue(items)) {
    const queue = deliveryQueue(name);
    const states = await Promise.all(group.map((d) => queue.getJobState(deliverJobId(d))));
    const stale = group.filter((_, i) => states[i] === "failed" || states[i] === "completed");
    await Promise.all(stale.map((d) => queue.remove(deliverJobId(d))));
    const missing = group.filter((_, i) => !LIVE_STATES.has(states[i]));
    if (missing.length) await addJobs(name, missing);
    added += missing.length;
  }
  return added;
}
