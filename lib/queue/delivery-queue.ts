import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { config } from "../config";
import { logger } from "../logger";
import { producerConnection, whenReady } from "./connection";
import { deliverJob, deliverJobId, queueForAttempt, type DeliverJobData } from "./jobs";

const globalForQueue = globalThis as unknown as { deliveryQueues?: Map<string, Queue>; producerRedis?: Redis };

/** The process's one fail-fast Redis connection (also used by the health check). */
export function producerRedis(): Redis {
  globalForQueue.producerRedis ??= producerConnection();
  return globalForQueue.producerRedis;
}

/** The producer connection once it is connected (it refuses commands before that). */
export async function readyRedis(timeoutMs = 2000): Promise<Redis> {
  const redis = producerRedis();
  await whenReady(redis, timeoutMs);
  return redis;
}

export function deliveryQueue(name: string = deliverJob.queues.first): Queue {
  globalForQueue.deliveryQueues ??= new Map();
  let queue = globalForQueue.deliveryQueues.get(name);
  if (!queue) {
    queue = new Queue(name, {
      connection: producerRedis(),
      prefix: config().QUEUE_PREFIX,
      // Job-level retries cover infrastructure errors only (database briefly
      // unreachable…); webhook retries are scheduled by the worker from PostgreSQL.
      defaultJobOptions: {
        removeOnComplete: true,
        removeOnFail: 1000,
        attempts: 5,
        backoff: { type: "exponential", delay: 1000 },
      },
    });
    globalForQueue.deliveryQueues.set(name, queue);
  }
  return queue;
}

export async function closeDeliveryQueues(): Promise<void> {
  for (const q of globalForQueue.deliveryQueues?.values() ?? []) await q.close();
  globalForQueue.deliveryQueues?.clear();
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
    await whenReady(producerRedis(), 2000);
    const byQueue = new Map<string, ScheduledDelivery[]>();
    for (const item of items) {
      const name = queueForAttempt(item.attempt);
      byQueue.set(name, [...(byQueue.get(name) ?? []), item]);
    }
    for (const [name, group] of byQueue) {
      await deliveryQueue(name).addBulk(
        group.map(({ delayMs, ...data }) => ({
          name: deliverJob.name,
          data: deliverJob.schema.parse(data),
          opts: { jobId: deliverJobId(data), delay: delayMs && delayMs > 0 ? delayMs : undefined },
        })),
      );
    }
    return true;
  } catch (err) {
    logger.warn({ err, count: items.length }, "could not enqueue deliveries; the reconciler will pick them up");
    return false;
  }
}
