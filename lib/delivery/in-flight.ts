// Per-endpoint concurrency limit (policy `max_in_flight`), shared by every
// worker process through Redis, so one slow or hanging endpoint can hold at
// most that many of the workers' slots and the rest keep flowing.
//
// Each request in flight holds a lease in a sorted set per endpoint (member: a
// random token, score: when the lease runs out). A lease outlives the longest
// the request can take (its timeout) and is removed as soon as the request
// ends. A lease also names the process holding it, which keeps a heartbeat key
// alive in Redis: when an endpoint looks full, leases whose process has stopped
// beating (killed, frozen) are dropped, so a dead worker's slots come back
// within WORKER_HEARTBEAT_TTL_MS instead of after its requests' whole timeout.
//
// A job that finds its endpoint full does not wait in its worker slot: it is
// put back in the queue as delayed ("parked") and noted in a second sorted set
// in arrival order. Whoever ends a request for that endpoint wakes the oldest
// parked job (BullMQ promote; it joins the back of the queue), so a slow
// endpoint is served at its own pace, about max_in_flight / its response time,
// without polling. A parked job also wakes by itself after about a lease, in
// case its wake-up was lost (worker killed, or the woken job was held by the
// circuit breaker instead of taking the slot).
import { randomUUID } from "node:crypto";
import { Job } from "bullmq";
import type { Redis } from "ioredis";
import { config, defaultMaxInFlight } from "../config";
import { logger } from "../logger";
import { deliveryQueue } from "../queue/delivery-queue";
import { readyRedis } from "../redis";

/** A queued job, named so that another worker can wake it: `<queue>|<job id>`. */
export type JobRef = string;

export interface Slot {
  /** Frees the slot and wakes the endpoint's oldest parked job. Never throws; a second call does nothing. */
  release(): Promise<void>;
}

// Time a lease outlives the request's own timeout (signing, connecting, a busy event loop).
const LEASE_MARGIN_MS = 5_000;

// A process's heartbeat: its key lives this long unless renewed (every third of it).
export const WORKER_HEARTBEAT_TTL_MS = 10_000;

// KEYS: leases, parked. ARGV: now, limit, lease end, token, job ref ('' = none), lease ttl, parked ttl,
// heartbeat key prefix. A token is "<process id>:<uuid>"; the process's heartbeat key is the prefix +
// its id (built here rather than passed in KEYS: which processes hold leases is only known inside).
// 1 = slot taken (and the job no longer parked); 0 = full (the job parked, keeping an earlier place).
const TAKE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  for _, member in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
    local holder = string.match(member, '^([^:]+):')
    if holder and redis.call('EXISTS', ARGV[8] .. holder) == 0 then redis.call('ZREM', KEYS[1], member) end
  end
end
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])
  if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[6]) then redis.call('PEXPIRE', KEYS[1], ARGV[6]) end
  if ARGV[5] ~= '' then redis.call('ZREM', KEYS[2], ARGV[5]) end
  return 1
end
if ARGV[5] ~= '' then
  redis.call('ZADD', KEYS[2], 'NX', ARGV[1], ARGV[5])
  redis.call('PEXPIRE', KEYS[2], ARGV[7])
end
return 0`;

// KEYS: leases, parked. ARGV: token. Returns the oldest parked job [ref, score], if any.
const GIVE = `
redis.call('ZREM', KEYS[1], ARGV[1])
return redis.call('ZPOPMIN', KEYS[2])`;

interface InFlightCommands {
  takeEndpointSlot(leases: string, parked: string, ...args: (string | number)[]): Promise<number>;
  giveEndpointSlot(leases: string, parked: string, token: string): Promise<string[]>;
}

const defined = new WeakSet<Redis>();

async function redisWithScripts(): Promise<Redis & InFlightCommands> {
  const redis = await readyRedis();
  if (!defined.has(redis)) {
    redis.defineCommand("takeEndpointSlot", { numberOfKeys: 2, lua: TAKE });
    redis.defineCommand("giveEndpointSlot", { numberOfKeys: 2, lua: GIVE });
    defined.add(redis);
  }
  return redis as Redis & InFlightCommands;
}

// This process's id in lease tokens, and its heartbeat (started with the first slot it takes).
const PROCESS_ID = randomUUID().replaceAll("-", "");
const heartbeatPrefix = () => `${config().QUEUE_PREFIX}:in-flight-holder:`;
let heartbeat: NodeJS.Timeout | undefined;

async function beat(redis: Redis): Promise<void> {
  await redis.set(heartbeatPrefix() + PROCESS_ID, "1", "PX", WORKER_HEARTBEAT_TTL_MS);
  heartbeat ??= setInterval(() => {
    redis.set(heartbeatPrefix() + PROCESS_ID, "1", "PX", WORKER_HEARTBEAT_TTL_MS).catch(() => {
      // Redis is down: the leases are unreachable too; the next beat renews it.
    });
  }, WORKER_HEARTBEAT_TTL_MS / 3).unref();
}

const keys = (endpointId: string) => {
  const base = `${config().QUEUE_PREFIX}:in-flight:${endpointId}`;
  return [base, `${base}:parked`] as const;
};

/** The endpoint's limit: its own `max_in_flight`, else the server's default. */
export const maxInFlight = (own: number | null | undefined): number => own ?? defaultMaxInFlight();

/** How long a parked job waits at most before it looks again by itself. */
export const parkMs = (timeoutMs: number) => Math.round((timeoutMs + LEASE_MARGIN_MS) * (1 + Math.random() * 0.2));

/**
 * Takes one of the endpoint's `limit` slots for a request of at most `timeoutMs`.
 * Null when all are taken: the job (`ref`) is then parked and should be delayed
 * by about `parkMs(timeoutMs)`. With Redis unreachable the slot is granted:
 * the queue is down with it, and this must not stop a job already running.
 */
export async function takeSlot(endpointId: string, limit: number, timeoutMs: number, ref: JobRef | undefined): Promise<Slot | null> {
  const [leases, parked] = keys(endpointId);
  const token = `${PROCESS_ID}:${randomUUID()}`;
  const now = Date.now();
  const leaseMs = timeoutMs + LEASE_MARGIN_MS;
  let redis: Redis & InFlightCommands;
  try {
    redis = await redisWithScripts();
    if (!heartbeat) await beat(redis);
    const taken = await redis.takeEndpointSlot(leases, parked, now, limit, now + leaseMs, token, ref ?? "", leaseMs, 2 * parkMs(timeoutMs), heartbeatPrefix());
    if (taken !== 1) return null;
  } catch (err) {
    logger.warn({ err, endpointId }, "in-flight limit unavailable; sending without it");
    return { release: async () => {} };
  }
  let released = false;
  return {
    release: async () => {
      if (released) return;
      released = true;
      try {
        let [ref, score] = await redis.giveEndpointSlot(leases, parked, token);
        const notYet: (string | number)[] = [];
        // A parked job may not be delayed yet (it is being parked right now, or has just
        // woken by itself): it keeps its place and the next one is woken. One that is
        // finished or gone is dropped.
        for (let tries = 1; ref; tries++) {
          const woke = await wake(ref);
          if (woke === "woken") break;
          if (woke === "not delayed") notYet.push(score, ref);
          if (tries === 3) break;
          [ref, score] = await redis.zpopmin(parked);
        }
        if (notYet.length) await redis.zadd(parked, "NX", ...notYet);
      } catch (err) {
        // The lease runs out by itself and parked jobs wake on their own.
        logger.warn({ err, endpointId }, "could not release an in-flight slot");
      }
    },
  };
}

async function wake(ref: JobRef): Promise<"woken" | "not delayed" | "gone"> {
  const cut = ref.indexOf("|");
  const job = await Job.fromId(deliveryQueue(ref.slice(0, cut)), ref.slice(cut + 1));
  if (!job || job.finishedOn) return "gone";
  try {
    await job.promote();
    return "woken";
  } catch {
    return "not delayed";
  }
}
