// For test files that run on a queue prefix of their own (QUEUE_PREFIX set before
// lib/ loads): removes that prefix's Redis keys and closes lib's Redis connections.
// lib/ is imported here only when called, after the file has set its prefix.
export async function closePrivateQueue(prefix: string): Promise<void> {
  const { readyRedis } = await import("@/lib/redis");
  const { closeQueues } = await import("@/lib/queue/queues");
  const redis = await readyRedis();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await closeQueues();
  await (await import("@/lib/realtime/publisher")).flushLive();
  await new Promise((r) => setTimeout(r, 50)); // the emitter's publish is in flight
  redis.disconnect();
}
