// Two kinds of Redis connection (BullMQ "going to production"): producers fail
// fast so an API request never hangs on a dead Redis (PostgreSQL already holds
// the delivery; the reconciler enqueues it later), workers wait and reconnect.
import { Redis } from "ioredis";
import { config } from "../config";

export function producerConnection(): Redis {
  return new Redis(config().REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
}

export function workerConnection(): Redis {
  return new Redis(config().REDIS_URL, { maxRetriesPerRequest: null });
}

/**
 * Resolves when `redis` is connected, or rejects after `timeoutMs`. Producer
 * connections refuse commands until then (no offline queue), so the first
 * request after start-up waits here briefly instead of failing.
 */
export function whenReady(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === "ready") return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off("ready", onReady);
      reject(new Error(`Redis not ready within ${timeoutMs} ms (status: ${redis.status})`));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once("ready", onReady);
  });
}
