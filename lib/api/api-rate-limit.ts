// API rate limits, per API key (or signed-in user) and per client IP, shared by
// every web process through Redis. Answers carry the IETF draft RateLimit-*
// headers; a refusal is a 429 with Retry-After.
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { config } from "../config";
import { readyRedis } from "../redis";

export type RateSubject = "principal" | "ip";

export interface RateVerdict {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetSec: number;
}

const limiters = new Map<RateSubject, RateLimiterRedis>();

async function limiter(kind: RateSubject): Promise<RateLimiterRedis> {
  let l = limiters.get(kind);
  if (!l) {
    l = new RateLimiterRedis({
      storeClient: await readyRedis(),
      keyPrefix: `${config().QUEUE_PREFIX}:rl:api:${kind}`,
      points: kind === "ip" ? config().API_RATE_LIMIT_PER_IP_PER_MIN : config().API_RATE_LIMIT_PER_MIN,
      duration: 60,
    });
    limiters.set(kind, l);
  }
  return l;
}

const verdict = (l: RateLimiterRedis, res: RateLimiterRes, allowed: boolean): RateVerdict => ({
  allowed,
  limit: l.points,
  remaining: Math.max(0, res.remainingPoints),
  resetSec: Math.ceil(res.msBeforeNext / 1000),
});

/** Counts one request against `id`; null when Redis is unavailable (the API stays up). */
export async function consumeApiRate(kind: RateSubject, id: string, points = 1): Promise<RateVerdict | null> {
  let l: RateLimiterRedis;
  try {
    l = await limiter(kind);
  } catch {
    return null;
  }
  try {
    return verdict(l, await l.consume(id, points), true);
  } catch (res) {
    return res instanceof RateLimiterRes ? verdict(l, res, false) : null;
  }
}

export function rateHeaders(v: RateVerdict): Record<string, string> {
  return { "RateLimit-Limit": String(v.limit), "RateLimit-Remaining": String(v.remaining), "RateLimit-Reset": String(v.resetSec) };
}

/** Forgets what `id` has used (an operator's reset; also used by tests). */
export async function resetApiRate(kind: RateSubject, id: string): Promise<void> {
  await (await limiter(kind)).delete(id);
}
