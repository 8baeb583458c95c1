// Nothing accepted is lost: Redis flushed mid-run, a worker killed with
// SIGKILL mid-run, a worker stopped with SIGTERM mid-attempt. These tests run
// their own worker processes on a private queue prefix and a database of their
// own (both set before lib/ loads), so the suite's shared worker never joins in.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import type { ChildProcess } from "node:child_process";
import { eventually } from "../helpers/api";
import { startReceiver, type Receiver } from "../helpers/receiver";
import { spawnWorker, exited } from "../helpers/worker-process";
import { createScratchDatabase } from "../helpers/scratch-database";
import { closePrivateQueue } from "../helpers/private-queue";

const PREFIX = `hookrelay-durability-${randomBytes(3).toString("hex")}`;
// lib/config reads the environment once, on first use: set the prefix before loading lib/.
process.env.QUEUE_PREFIX = PREFIX;
let db: typeof import("@/lib/db").db;
let ingestEvent: typeof import("@/lib/events/ingest").ingestEvent;
let createWebhook: typeof import("@/lib/webhooks/service").createWebhook;
let readyRedis: typeof import("@/lib/redis").readyRedis;

const workers: ChildProcess[] = [];
const receivers: Receiver[] = [];
let workspaceId: string;
let dropDatabase: () => Promise<void> = async () => {};

// Fast lock expiry and reconciliation so a dead worker's jobs come back in seconds.
const WORKER_ENV = { QUEUE_PREFIX: PREFIX, WORKER_LOCK_MS: "4000", WORKER_STALLED_INTERVAL_MS: "1000", RECONCILE_INTERVAL_MS: "500", WORKER_CONCURRENCY: "8" };

before(async () => {
  const scratch = await createScratchDatabase(process.env.DATABASE_URL!, `hookrelay_durability_${randomBytes(3).toString("hex")}`);
  process.env.DATABASE_URL = scratch.url; // inherited by the spawned workers too
  dropDatabase = scratch.drop;
  ({ db } = await import("@/lib/db"));
  ({ ingestEvent } = await import("@/lib/events/ingest"));
  ({ createWebhook } = await import("@/lib/webhooks/service"));
  ({ readyRedis } = await import("@/lib/redis"));
  const { createWorkspace } = await import("@/lib/workspaces/service");
  workspaceId = (await createWorkspace("Durability")).id;
});
after(async () => {
  for (const w of workers) if (w.exitCode === null) w.kill("SIGKILL");
  await Promise.all(receivers.map((r) => r.close()));
  await closePrivateQueue(PREFIX);
  await db.$disconnect();
  await dropDatabase();
});

async function setup(type: string, respond?: Parameters<typeof startReceiver>[0]) {
  const rx = await startReceiver(respond);
  receivers.push(rx);
  const hook = await createWebhook(workspaceId, { url: rx.url, events: [type] });
  return { rx, hook };
}

async function allSucceeded(endpointId: string, n: number, timeoutMs = 30_000) {
  await eventually(
    async () => (await db.delivery.count({ where: { endpointId, status: "succeeded" } })) === n,
    timeoutMs,
    `${n} succeeded deliveries`,
  );
}

test("Redis flushed mid-run: every delivery still completes", async () => {
  const { rx, hook } = await setup("durable.flush", () => ({ status: 200, delayMs: 50 }));
  const worker = spawnWorker(WORKER_ENV);
  workers.push(worker);
  for (let i = 0; i < 40; i++) await ingestEvent(workspaceId, { type: "durable.flush", data: { i } });
  await rx.waitFor(5, 15_000);
  // What a restart without persistence does to our queues: every key gone.
  const redis = await readyRedis();
  const keys = await redis.keys(`${PREFIX}:*`);
  assert.ok(keys.length > 0);
  await redis.del(...keys);
  await allSucceeded(hook.id, 40);
  const got = new Set(rx.requests.map((r) => JSON.parse(r.body).data.i));
  assert.equal(got.size, 40, "every event reached the receiver");
  worker.kill("SIGTERM");
  await exited(worker);
});

test("a worker killed with SIGKILL mid-run: every delivery still completes, the interrupted attempt is logged", async () => {
  const { rx, hook } = await setup("durable.kill", () => ({ status: 200, delayMs: 1500 }));
  const doomed = spawnWorker(WORKER_ENV);
  workers.push(doomed);
  for (let i = 0; i < 6; i++) await ingestEvent(workspaceId, { type: "durable.kill", data: { i } });
  await rx.waitFor(3, 15_000); // requests are in flight in the doomed worker
  doomed.kill("SIGKILL");
  await exited(doomed);
  const survivor = spawnWorker(WORKER_ENV);
  workers.push(survivor);
  await allSucceeded(hook.id, 6);
  const interrupted = await db.attempt.findMany({ where: { delivery: { endpointId: hook.id }, error: { startsWith: "interrupted" } } });
  assert.ok(interrupted.length >= 1, "the killed worker's in-flight attempts show as interrupted");
  const got = new Set(rx.requests.map((r) => JSON.parse(r.body).data.i));
  assert.equal(got.size, 6);
  survivor.kill("SIGTERM");
  await exited(survivor);
});

test("SIGTERM lets in-flight attempts finish and be recorded before the worker exits", async () => {
  const { rx, hook } = await setup("durable.term", () => ({ status: 200, delayMs: 1500 }));
  const worker = spawnWorker(WORKER_ENV);
  workers.push(worker);
  await ingestEvent(workspaceId, { type: "durable.term", data: {} });
  await rx.waitFor(1, 15_000);
  worker.kill("SIGTERM");
  assert.equal(await exited(worker), 0);
  const d = await db.delivery.findFirstOrThrow({ where: { endpointId: hook.id }, include: { attempts: true } });
  assert.equal(d.status, "succeeded", "recorded before exit, not left sending");
  assert.equal(d.attempts.length, 1);
  assert.equal(d.attempts[0].responseStatus, 200);
});

test("two workers never send the same attempt twice", async () => {
  const { rx, hook } = await setup("durable.pair", () => ({ status: 200, delayMs: 20 }));
  const a = spawnWorker(WORKER_ENV);
  const b = spawnWorker(WORKER_ENV);
  workers.push(a, b);
  for (let i = 0; i < 60; i++) await ingestEvent(workspaceId, { type: "durable.pair", data: { i } });
  await allSucceeded(hook.id, 60);
  const counts = new Map<number, number>();
  for (const r of rx.requests) {
    const i = JSON.parse(r.body).data.i;
    counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  assert.equal(counts.size, 60);
  assert.ok([...counts.values()].every((c) => c === 1), "each event delivered exactly once");
  a.kill("SIGTERM");
  b.kill("SIGTERM");
  await Promise.all([exited(a), exited(b)]);
});

test("first attempts are not starved by a backlog of retries", async () => {
  const slow = await setup("durable.backlog", () => ({ status: 500, delayMs: 800 }));
  await db.endpoint.update({ where: { id: slow.hook.id }, data: { policy: { retry: { preset: "custom", schedule: ["0", "0", "0", "0"], jitter: 0 } } } });
  const fast = await setup("durable.fresh", () => 200);
  // 4 slots: 3 for first attempts, 1 for retries. No per-endpoint limit below that:
  // the point is one endpoint's retries filling the retry slots.
  const worker = spawnWorker({ ...WORKER_ENV, WORKER_CONCURRENCY: "4", ENDPOINT_MAX_IN_FLIGHT: "4" });
  workers.push(worker);
  for (let i = 0; i < 6; i++) await ingestEvent(workspaceId, { type: "durable.backlog", data: { i } });
  await slow.rx.waitFor(8, 15_000); // first attempts done, retries queued behind one slow slot (~14 s of work)
  const sentAt = Date.now();
  await ingestEvent(workspaceId, { type: "durable.fresh", data: {} });
  const [req] = await fast.rx.waitFor(1, 5_000);
  assert.ok(req.at - sentAt < 1500, `a new event waited ${req.at - sentAt} ms behind the retry backlog`);
  worker.kill("SIGKILL");
  await exited(worker);
});
