import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { config } from "../config";
import { logger } from "../logger";
import { producerConnection, whenReady } from "./connection";
import { deliverJob, deliverJobId, type DeliverJobData } from "./jobs";

const globalForQueue = globalThis as unknown as { deliveryQueue?: Queue; producerRedis?: Redis };

/** The process's one fail-fast Redis connection (also used by the health check). */
export function producerRedis(): Redis {
  globalForQueue.producerRedis ??= producerConnection();
  return globalForQueue.producerRedis;
}

export function deliveryQueue(): Queue {
  globalForQueue.deliveryQueue ??= new Queue(deliverJob.queue, {
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
  return globalForQueue.deliveryQueue;
}

export interface ScheduledDelivery extends DeliverJobData {
  delayMs?: number;
}

/**
 * Enqueue delivery attempts. Never throws: PostgreSQL already holds every
 * delivery, so a Redis outage only delays them (the reconciler re-enqueues).
 */
export async function enqueueDeliveries(items: ScheduledDelivery[], queue = deliveryQueue()): Promise<boolean> {
  if (items.length === 0) return true;
  try {
    await whenReady(producerRedis(), 2000);
    await queue.addBulk(
      items.map(({ delayMs, ...data }) => ({
        name: deliverJob.name,
        data: deliverJob.schema.parse(data),
        opts: { jobId: deliverJobId(data), delay: delayMs && delayMs > 0 ? delayMs : undefined },
      })),
    );
    return true;
  } catch (err) {
    logger.warn({ err, count: items.length }, "could not enqueue deliveries; the reconciler will pick them up");
    return false;
  }
}
