// Every BullMQ Queue of the process, one per name, on the fail-fast producer
// connection (lib/redis.ts) and the install's QUEUE_PREFIX.
import { Queue, type DefaultJobOptions } from "bullmq";
import { config } from "../config";
import { producerRedis } from "../redis";

const globalForQueues = globalThis as unknown as { queues?: Map<string, Queue> };

/** The queue `name`; `defaultJobOptions` apply when this call creates it. */
export function queue(name: string, defaultJobOptions: DefaultJobOptions): Queue {
  globalForQueues.queues ??= new Map();
  let q = globalForQueues.queues.get(name);
  if (!q) {
    q = new Queue(name, { connection: producerRedis(), prefix: config().QUEUE_PREFIX, defaultJobOptions });
    globalForQueues.queues.set(name, q);
  }
  return q;
}

export async function closeQueues(): Promise<void> {
  for (const q of globalForQueues.queues?.values() ?? []) await q.close();
  globalForQueues.queues?.clear();
}
