// One customer's endpoint must not slow every other customer's (issue 11, item 5).
// Real loopback receivers and a real delivery worker: a burst of events to
// healthy endpoints alone (the baseline), then the same burst to as many healthy
// endpoints subscribed to the same event type as one endpoint that never answers
// and one that answers after 3 s. The healthy deliveries' latency p99 must stay
// within 2× the baseline; on this shared, loaded machine a small absolute slack
// is added, because a baseline of a few hundred milliseconds swings by that much
// from run to run.
//
// The worker is this file's own, with 40 slots (30 for first attempts): bad
// endpoints can then fill every slot with a burst this machine sends in well
// under a second (the suite's worker has 500). It runs on a private queue prefix
// and database (both set before lib/ loads), so the suite's worker never joins in.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import type { ChildProcess } from "node:child_process";
import type { Socket } from "node:net";
import { eventually } from "../helpers/api";
import { startReceiver, type Receiver } from "../helpers/receiver";
import { startRawReceiver, type RawReceiver } from "../helpers/raw-receiver";
import { spawnWorker, exited } from "../helpers/worker-process";
import { createScratchDatabase } from "../helpers/scratch-database";
import { closePrivateQueue } from "../helpers/private-queue";

const PREFIX = `hookrelay-isolation-${randomBytes(3).toString("hex")}`;
process.env.QUEUE_PREFIX = PREFIX;
let db: typeof import("@/lib/db").db;
let ingestEvent: typeof import("@/lib/events/ingest").ingestEvent;
let createWebhook: typeof import("@/lib/webhooks/service").createWebhook;

const WORKER_CONCURRENCY = 40;
// The default per-endpoint limit: 10 % of WORKER_CONCURRENCY.
const DEFAULT_MAX_IN_FLIGHT = 4;
const EVENTS = 60;
const HEALTHY = 4;
const SLOW_MAX_IN_FLIGHT = 10;
const SLOW_ANSWER_MS = 3000;
const P99_SLACK_MS = 500;

let worker: ChildProcess | undefined;
const receivers: (Receiver | RawReceiver)[] = [];
let workspaceId: string;
let dropDatabase: () => Promise<void> = async () => {};

before(async () => {
  const scratch = await createScratchDatabase(process.env.DATABASE_URL!, `hookrelay_isolation_${randomBytes(3).toString("hex")}`);
  process.env.DATABASE_URL = scratch.url; // inherited by the spawned worker too
  dropDatabase = scratch.drop;
  ({ db } = await import("@/lib/db"));
  ({ ingestEvent } = await import("@/lib/events/ingest"));
  ({ createWebhook } = await import("@/lib/webhooks/service"));
  const { createWorkspace } = await import("@/lib/workspaces/service");
  // One workspace: the platform's customers are its endpoints, and an event type fans out to all of them.
  workspaceId = (await createWorkspace("Endpoint isolation")).id;
  worker = spawnWorker({ QUEUE_PREFIX: PREFIX, WORKER_CONCURRENCY: String(WORKER_CONCURRENCY) });
});
after(async () => {
  if (worker && worker.exitCode === null) {
    worker.kill("SIGTERM");
    await exited(worker).catch(() => worker?.kill("SIGKILL"));
  }
  await Promise.all(receivers.map((r) => r.close()));
  await closePrivateQueue(PREFIX);
  await db.$disconnect();
  await dropDatabase();
});

async function subscribe(url: string, type: string, extra: Record<string, unknown> = {}) {
  return (await createWebhook(workspaceId, { url, events: [type], ...extra })).id;
}

async function healthyReceivers(type: string) {
  const rxs = await Promise.all(Array.from({ length: HEALTHY }, () => startReceiver()));
  receivers.push(...rxs);
  for (const rx of rxs) await subscribe(rx.url, type);
  return rxs;
}

/** Sends `EVENTS` events of `type`, a few at a time as producers do; returns when each was sent, by event id. */
async function burst(type: string): Promise<Map<string, number>> {
  const sentAt = new Map<string, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < EVENTS) {
        const i = next++;
        const at = Date.now();
        const { accepted } = await ingestEvent(workspaceId, { type, data: { i } });
        sentAt.set(accepted.id, at);
      }
    }),
  );
  return sentAt;
}

/** Waits for every event at every healthy receiver; returns the latency percentiles and the burst's duration (ms). */
async function healthyLatencies(rxs: Receiver[], sentAt: Map<string, number>) {
  const all = await Promise.all(rxs.map((rx) => rx.waitFor(EVENTS, 60_000)));
  const latencies: number[] = [];
  for (const reqs of all) {
    assert.equal(new Set(reqs.map((r) => r.headers["webhook-id"])).size, EVENTS, "every event reached every healthy endpoint once");
    for (const r of reqs) latencies.push(r.at - sentAt.get(r.headers["webhook-id"] as string)!);
  }
  latencies.sort((a, b) => a - b);
  const durationMs = Math.max(...all.flat().map((r) => r.at)) - Math.min(...sentAt.values());
  return { p50: latencies[Math.floor(latencies.length / 2)], p99: latencies[Math.ceil(latencies.length * 0.99) - 1], durationMs };
}

test("a hanging and a slow endpoint do not slow the healthy endpoints on the same event type", { timeout: 180_000 }, async () => {
  // The worker is up and warm (a baseline must not include its start).
  const [warm] = await healthyReceivers("isolation.warmup");
  for (let i = 0; i < 20; i++) await ingestEvent(workspaceId, { type: "isolation.warmup", data: { i } });
  await warm.waitFor(20, 60_000);

  // Baseline: healthy endpoints alone.
  const baseRx = await healthyReceivers("isolation.baseline");
  const base = await healthyLatencies(baseRx, await burst("isolation.baseline"));

  // The same, beside an endpoint that never answers and one that answers after 3 s.
  let open = 0;
  let maxOpenHanging = 0;
  const hanging = await startRawReceiver((socket: Socket) => {
    open++;
    maxOpenHanging = Math.max(maxOpenHanging, open);
    socket.on("close", () => open--);
  });
  const slow = await startReceiver(() => ({ status: 200, delayMs: SLOW_ANSWER_MS }));
  receivers.push(hanging, slow);
  const mixedRx = await healthyReceivers("isolation.mixed");
  const hangingId = await subscribe(hanging.url, "isolation.mixed");
  // Slow but successful: its own timeout is longer than its answers.
  const slowId = await subscribe(slow.url, "isolation.mixed", { timeout_sec: 10, max_in_flight: SLOW_MAX_IN_FLIGHT });
  const mixed = await healthyLatencies(mixedRx, await burst("isolation.mixed"));

  const bound = 2 * base.p99 + P99_SLACK_MS;
  const summary =
    `healthy p50/p99 ${mixed.p50}/${mixed.p99} ms beside the bad endpoints, ${base.p50}/${base.p99} ms alone (bound ${bound} ms); ` +
    `${HEALTHY * EVENTS} healthy deliveries in ${mixed.durationMs} ms beside them, ${base.durationMs} ms alone`;
  console.log(summary);
  assert.ok(mixed.p99 <= bound, summary);

  // The hanging endpoint never had more requests open than its limit.
  assert.ok(maxOpenHanging > 0, "the hanging endpoint was tried");
  assert.ok(maxOpenHanging <= DEFAULT_MAX_IN_FLIGHT, `${maxOpenHanging} requests open at once at the hanging endpoint`);

  // The slow endpoint is slowed to its own limit, not dropped: everything arrives,
  // at most max_in_flight at a time (each arrival needs a slot freed ≥ 3 s earlier).
  const slowReqs = await slow.waitFor(EVENTS, 60_000);
  const times = slowReqs.map((r) => r.at).sort((a, b) => a - b);
  const maxConcurrent = Math.max(...times.map((t0) => times.filter((t) => t >= t0 && t < t0 + SLOW_ANSWER_MS - 200).length));
  assert.ok(maxConcurrent <= SLOW_MAX_IN_FLIGHT, `${maxConcurrent} requests in flight at once at the slow endpoint`);
  assert.equal(new Set(slowReqs.map((r) => r.headers["webhook-id"])).size, EVENTS, "each event once at the slow endpoint");
  await eventually(
    async () => (await db.delivery.count({ where: { endpointId: slowId, status: "succeeded", attemptCount: 1 } })) === EVENTS,
    15_000,
    "the slow endpoint's deliveries recorded as succeeded at their first attempt",
  );

  // Held, not dropped: the hanging endpoint's deliveries are still waiting, or failed
  // only after their real attempts (the test schedule has 4), never skipped or failed early.
  const hangingDeliveries = await db.delivery.findMany({ where: { endpointId: hangingId }, select: { status: true, attemptCount: true } });
  assert.equal(hangingDeliveries.length, EVENTS);
  for (const d of hangingDeliveries) {
    assert.ok(
      d.status === "pending" || d.status === "sending" || (d.status === "failed" && d.attemptCount === 4),
      `a hanging delivery is ${d.status} after ${d.attemptCount} attempts`,
    );
  }
});
