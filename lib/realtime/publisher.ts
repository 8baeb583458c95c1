// Any process (API, worker, demo producer) publishes live events through
// @socket.io/redis-emitter; every web process receives them through its
// @socket.io/redis-adapter and fans them out to its own clients. Events are
// gathered for 100 ms and sent as one batch, so bursts cost one message.
import { Emitter } from "@socket.io/redis-emitter";
import { config } from "../config";
import { logger } from "../logger";
import { readyRedis } from "../queue/delivery-queue";
import { LIVE_BATCH, type LiveEvent } from "./messages";

const FLUSH_MS = 100;
const MAX_BUFFER = 5000;

let emitter: Emitter | undefined;
let buffer: LiveEvent[] = [];
let timer: NodeJS.Timeout | null = null;

export const liveChannelKey = () => `${config().QUEUE_PREFIX}:live`;

export function publishLive(events: LiveEvent[]): void {
  if (events.length === 0) return;
  // A burst beyond what a dashboard could show is thinned, oldest first: the
  // feed is a view, PostgreSQL has every event.
  buffer.push(...events);
  if (buffer.length > MAX_BUFFER) buffer = buffer.slice(-MAX_BUFFER);
  timer ??= setTimeout(flush, FLUSH_MS);
}

/** Sends what is buffered now (also on shutdown, so the last events are not lost). */
export async function flushLive(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  const batch = buffer;
  buffer = [];
  if (batch.length === 0) return;
  try {
    const redis = await readyRedis();
    emitter ??= new Emitter(redis, { key: liveChannelKey() });
    emitter.serverSideEmit(LIVE_BATCH, batch);
  } catch (err) {
    logger.debug({ err }, "live feed publish skipped (Redis unavailable)");
  }
}

const flush = () => void flushLive();
