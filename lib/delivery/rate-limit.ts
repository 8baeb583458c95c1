// Per-endpoint deliveries-per-second, enforced across every worker process
// through Redis. A throttled delivery is held (its job delayed), never dropped.
//
// A plain one-second window lets 2× the limit through around its edges, which
// is what a receiver would measure. Instead each second is cut into `perSecond`
// slots of one delivery each, so any second of wall-clock time sees at most
// perSecond + 1 deliveries, spread out rather than in bursts.
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { config } from "../config";
import { readyRedis } from "../redis";

let slots: RateLimiterRedis | undefined;

async function slotLimiter(): Promise<RateLimiterRedis> {
  slots ??= new RateLimiterRedis({
    storeClient: await readyRedis(),
    keyPrefix: `${config().QUEUE_PREFIX}:rl:endpoint`,
    points: 1,
    duration: 1, // slot keys are unique per slot; this only expires them
  });
  return slots;
}

/** Milliseconds to wait before this endpoint may be sent to again; 0 = go now. */
export async function rateLimitWait(endpointId: string, perSecond: number | null | undefined, now = Date.now()): Promise<number> {
  if (!perSecond) return 0;
  const slotMs = 1000 / perSecond;
  const slot = Math.floor(now / slotMs);
  try {
    await (await slotLimiter()).consume(`${endpointId}:${perSecond}:${slot}`, 1);
    return 0;
  } catch (res) {
    if (!(res instanceof RateLimiterRes)) return 0; // Redis down: the queue is down with it
    // Next slot, with a little spread so held deliveries don't all wake at once.
    return Math.ceil((slot + 1) * slotMs - now + Math.random() * slotMs * 0.5);
  }
}
