// Any process (API, worker, demo producer) publishes live events through
// @socket.io/redis-emitter; every web process receives them through its
// @socket.io/redis-adapter and fans them out to its own clients. Events are
// gathered for 100 ms and sent as one batch, so bursts cost one message. The
// buffer is kept per workspace: one tenant's burst is thinned within its own
// share and never pushes out or holds back another tenant's events.
import { Emitter } from "@socket.io/redis-emitter";
import { config } from "../config";
import { logger } from "../logger";
import { readyRedis } from "../redis";
import { LIVE_BATCH, type LiveEvent } from "./messages";

const FLUSH_MS = 100;
// Per workspace and flush: more than a dashboard can show (the hub keeps 500 per client).
const MAX_PER_WORKSPACE = 1000;

let emitter: Emitter | undefined;
let buffers = new Map<string, LiveEvent[]>();
let timer: NodeJS.Timeout | null = null;

export const liveChannelKey = () => `${config().QUEUE_PREFIX}:live`;

export function publishLive(events: LiveEvent[]): void {
  if (events.length === 0) return;
  // A burst beyond what a dashboard could show is thinned, oldest first and only
  // within its workspace: the feed is a view, PostgreSQL has every event.
  for (const e of events) {
    let buffer = buffers.get(e.workspaceId);
    if (!buffer) buffers.set(e.workspaceId, (buffer = []));
    buffer.push(e);
  }
  for (const [workspaceId, buffer] of buffers) {
    if (buffer.length > MAX_PER_WORKSPACE) buffers.set(workspaceId, buffer.slice(-MAX_PER_WORKSPACE));
  }
  timer ??= setTimeout(flush, FLUSH_MS);
}

/** Sends what is buffered now (also on shutdown, so the last events are not lost). */
export async function flushLive(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  const batch = [...buffers.values()].flat();
  buffers = new Map();
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
