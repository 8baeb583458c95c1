// The fault scenarios of issue 11 ("Durability and isolation"), each a fault
// injected while 200 events/s flow to 4 webhooks. `npm run test:faults` runs
// them all; tests/faults/fast-faults.test.ts runs a quick subset in `npm test`.
import { percentile, type IngestResult } from "./load-driver";
import type { FaultContext, Scenario } from "./run-scenario";

/** What an answer during an outage may be: 202 (accepted) or 503 with Retry-After. */
function outageAnswers(during: IngestResult[]): string[] {
  const problems: string[] = [];
  const bad = during.filter((r) => r.status !== 202 && r.status !== 503);
  if (bad.length) {
    const kinds = [...new Set(bad.map((r) => r.status || `no answer (${r.error})`))].slice(0, 3).join(", ");
    problems.push(`${bad.length} ingest answers during the outage were neither 202 nor 503: ${kinds}`);
  }
  const noRetryAfter = during.filter((r) => r.status === 503 && !r.retryAfter).length;
  if (noRetryAfter) problems.push(`${noRetryAfter} 503 answers without Retry-After`);
  return problems;
}

/** Accepted ingest during the outage answers about as fast as before it. */
function ingestStaysFast(during: IngestResult[], before: IngestResult[]): string[] {
  const problems: string[] = [];
  const ok = during.filter((r) => r.status === 202);
  if (ok.length < during.length * 0.99) problems.push(`only ${ok.length} of ${during.length} ingest requests during the outage got 202`);
  const p95 = percentile(ok.map((r) => r.ms), 95);
  const base = percentile(before.filter((r) => r.status === 202).map((r) => r.ms), 95) ?? 0;
  const limit = Math.max(500, 3 * base);
  if (p95 !== null && p95 > limit) problems.push(`ingest p95 during the outage ${p95} ms (before: ${base} ms; limit ${limit} ms)`);
  return problems;
}

/** Kills the worker at `index` with SIGKILL and starts a new one in its place. */
async function killWorker(ctx: FaultContext, index = 0): Promise<void> {
  const w = ctx.stack.workers[index];
  await w.kill("SIGKILL");
  await w.restart();
}

/** Requests so far that repeated a webhook-id already seen at the same receiver. */
function duplicates(ctx: FaultContext): number {
  let n = 0;
  for (const rx of ctx.receivers) for (const c of rx.counts.values()) n += c - 1;
  return n;
}

function signal(ctx: FaultContext, index: number, sig: NodeJS.Signals) {
  const pid = ctx.stack.workers[index].child.pid;
  if (pid) process.kill(pid, sig);
}

// Short locks for the double stall only, so each stall is seen in seconds.
const STALL_LOCK_MS = 5000;

export const scenarios: Scenario[] = [
  {
    name: "worker-kill",
    title: "worker kill -9 ×3",
    async inject(ctx) {
      for (let i = 0; i < 3; i++) {
        if (i) await ctx.sleep(4000);
        await killWorker(ctx);
      }
    },
  },
  {
    name: "web-kill",
    title: "web kill -9 ×3 (restarted)",
    async inject(ctx) {
      for (let i = 0; i < 3; i++) {
        if (i) await ctx.sleep(3000);
        await ctx.stack.web.kill("SIGKILL");
        await ctx.stack.web.restart();
      }
    },
  },
  {
    name: "flushall",
    title: "Redis FLUSHALL",
    inject: (ctx) => ctx.stack.redis.flushAll(),
  },
  {
    name: "redis-restart",
    title: "Redis restart, no persistence",
    async inject(ctx) {
      await ctx.stack.redis.stop();
      await ctx.stack.redis.start();
    },
  },
  {
    name: "redis-restart-aof",
    title: "Redis kill -9 + restart, appendonly",
    stack: { redisPersistence: true },
    async inject(ctx) {
      await ctx.stack.redis.kill();
      await ctx.stack.redis.start();
    },
  },
  {
    name: "redis-down-10s",
    title: "Redis down 10 s",
    inject: (ctx) => ctx.stack.redis.downFor(10_000),
  },
  {
    name: "two-workers",
    title: "two workers at once",
    stack: { workers: 2 },
    inject: (ctx) => ctx.sleep(10_000),
  },
  {
    name: "pg-down-15s",
    title: "PostgreSQL down 15 s",
    inject: (ctx) => ctx.stack.pg.downFor(15_000),
  },
  {
    name: "pg-down-25s-backlog",
    title: "PostgreSQL down 25 s, 2,000 queued",
    rate: 50,
    async prepare(ctx, ingest) {
      // 500 events × 4 webhooks queued while the worker is frozen; it wakes with PostgreSQL gone.
      signal(ctx, 0, "SIGSTOP");
      try {
        await ingest(500);
      } catch (err) {
        signal(ctx, 0, "SIGCONT");
        throw err;
      }
    },
    leadMs: 0,
    async inject(ctx) {
      await ctx.stack.pg.stop();
      signal(ctx, 0, "SIGCONT");
      await ctx.sleep(25_000);
      await ctx.stack.pg.start();
    },
  },
  {
    name: "double-stall",
    title: "worker killed twice mid-attempt (double stall)",
    rate: 20,
    receiverDelayMs: 3000,
    stack: { env: { WORKER_LOCK_MS: String(STALL_LOCK_MS), WORKER_STALLED_INTERVAL_MS: "1000" } },
    async inject(ctx) {
      // Attempts are in flight on the 3 s receivers: killing the worker stalls their jobs. Its
      // successor takes them again once the locks expired (the receivers see a webhook-id a
      // second time); killing it then stalls those same jobs a second time.
      await killWorker(ctx);
      const before = duplicates(ctx);
      const deadline = Date.now() + 60_000;
      while (duplicates(ctx) === before && Date.now() < deadline) await ctx.sleep(100);
      if (duplicates(ctx) === before) throw new Error("no stalled job was taken again within 60 s");
      await killWorker(ctx);
    },
  },
  {
    name: "ingest-pg-down",
    title: "ingest while PostgreSQL is down (503)",
    inject: (ctx) => ctx.stack.pg.downFor(8000),
    checkIngest: (during) => outageAnswers(during),
  },
  {
    name: "ingest-redis-down",
    title: "ingest while Redis is down (fast 202)",
    inject: (ctx) => ctx.stack.redis.downFor(8000),
    checkIngest: ingestStaysFast,
  },
];

export function scenario(name: string): Scenario {
  const s = scenarios.find((x) => x.name === name);
  if (!s) throw new Error(`no fault scenario "${name}" (known: ${scenarios.map((x) => x.name).join(", ")})`);
  return s;
}
