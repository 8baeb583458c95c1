// Batch mode: the first due delivery of a batching endpoint takes up to
// max_size - 1 other due deliveries of that endpoint along into one request.
// Their own jobs then find them claimed and skip.
import { db } from "../db";
import { config } from "../config";
import { readyRedis } from "../redis";
import type { ClaimedDelivery } from "./claim";

export interface BatchMate {
  id: string;
  attemptCount: number;
  event: ClaimedDelivery["event"];
}

export async function claimBatchMates(d: ClaimedDelivery, maxSize: number): Promise<BatchMate[]> {
  if (maxSize <= 1) return [];
  const rows = await db.$queryRaw<
    Array<{ id: string; attemptCount: number; eventId: string; type: string; payload: unknown; createdAt: Date }>
  >`
    WITH mates AS (
      UPDATE "Delivery" SET status = 'sending', "updatedAt" = now()
       WHERE id IN (SELECT id FROM "Delivery"
                     WHERE "endpointId" = ${d.endpoint.id} AND status = 'pending' AND "nextAttemptAt" <= now()
                       AND id <> ${d.id}
                     ORDER BY id LIMIT ${maxSize - 1}
                     FOR UPDATE SKIP LOCKED)
      RETURNING id, "attemptCount", "eventId")
    SELECT m.id, m."attemptCount", e.id AS "eventId", e.type, e.payload, e."createdAt"
      FROM mates m JOIN "Event" e ON e.id = m."eventId"
     ORDER BY m.id`;
  return rows.map((r) => ({
    id: r.id,
    attemptCount: r.attemptCount,
    event: { id: r.eventId, type: r.type, payload: r.payload, createdAt: r.createdAt },
  }));
}

/** Runs `fn` holding the endpoint's batch lock; null when another worker holds it. */
export async function withBatchLock<T>(endpointId: string, fn: () => Promise<T>): Promise<T | null> {
  const key = `${config().QUEUE_PREFIX}:batch-lock:${endpointId}`;
  const token = Math.random().toString(36).slice(2);
  // Held through the send: one batch in flight per endpoint. Expires if a worker dies.
  if ((await (await readyRedis()).set(key, token, "PX", 20_000, "NX")) !== "OK") return null;
  try {
    return await fn();
  } finally {
    // Only our own lock is released (it may have expired and been taken since).
    await (await readyRedis()).eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0", 1, key, token);
  }
}
