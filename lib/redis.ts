// The process's Redis connections, as lib/db.ts holds its PostgreSQL pool. Two kinds
// (BullMQ "going to production"): the producer fails fast, so an API request never
// hangs on a dead Redis (PostgreSQL already holds the delivery; the reconciler
// enqueues it later); workers and the live feed's pub/sub wait and reconnect.
// Every connection logs its errors (logRedisErrors).
import { Redis } from "ioredis";
import { config } from "./config";
import { logger } from "./logger";

// Connections that have been ready at least once: when one of these is down,
// Redis is having an outage, not a slow start, and waiting would only delay the caller.
const wasReady = new WeakSet<Redis>();

/**
 * Logs a connection's errors once per outage (ioredis emits one per reconnect
 * try, and without a listener prints "Unhandled error event" for each); the
 * return of the connection is logged too.
 */
function logRedisErrors(redis: Redis, name: string): Redis {
  let down = false;
  redis.on("error", (err) => {
    if (down) return;
    down = true;
    logger.warn({ err: err.message, connection: name }, "Redis unavailable; retrying in the background");
  });
  redis.on("ready", () => {
    wasReady.add(redis);
    if (down) logger.warn({ connection: name }, "Redis available again");
    down = false;
  });
  return redis;
}

const globalForRedis = globalThis as unknown as { producerRedis?: Redis };

/** The process's one fail-fast connection: queues, locks, rate limits, live publishing, the health check. */
export function producerRedis(): Redis {
  globalForRedis.producerRedis ??= logRedisErrors(
    new Redis(config().REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false }),
    "producer",
  );
  return globalForRedis.producerRedis;
}

/** The producer connection once it is connected (it refuses commands before that). */
export async function readyRedis(timeoutMs = 2000): Promise<Redis> {
  const redis = producerRedis();
  await whenReady(redis, timeoutMs);
  return redis;
}

/** A new connection for BullMQ workers: commands wait for Redis instead of failing. */
export function workerConnection(): Redis {
  return logRedisErrors(new Redis(config().REDIS_URL, { maxRetriesPerRequest: null }), "worker");
}

/** A publisher and its duplicate for subscribing (a subscribed connection can run nothing else). */
export function pubSubConnections(name: string): { pub: Redis; sub: Redis } {
  const pub = logRedisErrors(new Redis(config().REDIS_URL, { maxRetriesPerRequest: null }), `${name} publisher`);
  return { pub, sub: logRedisErrors(pub.duplicate(), `${name} subscriber`) };
}

/**
 * Resolves when `redis` is connected. A connection that has not been ready yet
 * (the process just started) is waited for up to `timeoutMs`; one that was ready
 * and is now down rejects at once, so a request is not slowed by an outage.
 */
export function whenReady(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === "ready") return Promise.resolve();
  if (wasReady.has(redis)) return Promise.reject(new Error(`Redis unavailable (status: ${redis.status})`));
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
