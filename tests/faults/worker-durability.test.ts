// Faults between the queue and PostgreSQL never strand a delivery (issue 11):
// a PostgreSQL outage longer than the job's own retries, a job that stalls twice,
// and a worker killed mid-attempt. Each test runs on a private PostgreSQL and
// Redis (tests/helpers/private-services.ts), never the machine's.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { eventually } from "../helpers/api";
import { startReceiver, type Receiver } from "../helpers/receiver";
import { PrivateServices, type PrivatePostgres, type PrivateRedis } from "../helpers/private-services";

const services = new PrivateServices();
const receivers: Receiver[] = [];
let pg: PrivatePostgres;
let redis: PrivateRedis;
let lib: {
  db: typeof import("@/lib/db").db;
  ingestEvent: typeof import("@/lib/events/ingest").ingestEvent;
  createWebhook: typeof import("@/lib/webhooks/service").createWebhook;
};
let workspaceId: string;
const PREFIX = "hookrelay-faults";

before(async () => {
  [pg, redis] = await Promise.all([services.postgres(), services.redis()]);
  // lib/config reads the environment once, on first use: point it at the private instances first.
  Object.assign(process.env, { DATABASE_URL: pg.url, REDIS_URL: redis.url, QUEUE_PREFIX: PREFIX });
  lib = {
    db: (await import("@/lib/db")).db,
    ingestEvent: (await import("@/lib/events/ingest")).ingestEvent,
    createWebhook: (await import("@/lib/webhooks/service")).createWebhook,
  };
  workspaceId = (await (await import("@/lib/workspaces/service")).createWorkspace("Faults")).id;
});

after(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await (await import("@/lib/queue/queues")).closeQueues().catch(() => {});
  (await import("@/lib/redis")).producerRedis().disconnect();
  await lib?.db.$disconnect().catch(() => {});
  await services.cleanup();
});

function worker(env: Record<string, string> = {}) {
  return services.app("worker", { DATABASE_URL: pg.url, REDIS_URL: redis.url, QUEUE_PREFIX: PREFIX, RECONCILE_INTERVAL_MS: "1000", WORKER_CONCURRENCY: "4", ...env });
}

async function hook(type: string, respond: Parameters<typeof startReceiver>[0]) {
  const rx = await startReceiver(respond);
  receivers.push(rx);
  return { rx, hook: await lib.createWebhook(workspaceId, { url: rx.url, events: [type] }) };
}

const statuses = async (endpointId: string) =>
  Object.fromEntries((await lib.db.delivery.groupBy({ by: ["status"], where: { endpointId }, _count: true })).map((g) => [g.status, g._count]));

test("PostgreSQL down longer than a job's own retries: every delivery is still sent, none ends failed", { timeout: 150_000 }, async () => {
  const n = 150;
  const { rx, hook: h } = await hook("fault.pg", () => 200);
  // Accepted and queued; then PostgreSQL goes away before a worker gets to them,
  // so every job fails its claim until its tries (5, 1 s exponential backoff: ~15 s) run out.
  for (let i = 0; i < n; i++) await lib.ingestEvent(workspaceId, { type: "fault.pg", data: { i } });
  await pg.stop();
  const w = worker({ WORKER_CONCURRENCY: "20" });
  await w.ready();
  await new Promise((r) => setTimeout(r, 20_000));
  await pg.start();
  const back = Date.now();
  await eventually(async () => (await statuses(h.id)).succeeded === n, 30_000, `${n} deliveries succeeded within 30 s`).catch(async (err) => {
    throw new Error(`${err.message} (now ${JSON.stringify(await statuses(h.id))})`);
  });
  const recoveredSec = (Date.now() - back) / 1000;
  const got = new Set(rx.requests.map((r) => JSON.parse(r.body).data.i));
  assert.equal(got.size, n, "every event reached the receiver");
  assert.equal(await lib.db.delivery.count({ where: { endpointId: h.id, status: "failed" } }), 0);
  console.log(`# PostgreSQL down 20 s with ${n} queued: all delivered ${recoveredSec.toFixed(1)} s after it came back`);
  await w.kill("SIGTERM");
});

test("a job that stalls twice (two workers killed mid-attempt) follows the retry schedule, not the dead letters", { timeout: 120_000 }, async () => {
  const { rx, hook: h } = await hook("fault.stall", (n) => (n <= 2 ? { status: 200, delayMs: 60_000 } : 200));
  // Short locks so each stall is seen in a second or two.
  const env = { WORKER_LOCK_MS: "2000", WORKER_STALLED_INTERVAL_MS: "500" };
  let w = worker(env);
  await w.ready();
  await lib.ingestEvent(workspaceId, { type: "fault.stall", data: {} });
  for (const seen of [1, 2]) {
    await rx.waitFor(seen, 30_000);
    await w.kill("SIGKILL");
    w = worker(env);
    await w.ready();
  }
  const d = await eventually(
    async () => {
      const row = await lib.db.delivery.findFirst({ where: { endpointId: h.id } });
      return row && ["succeeded", "failed"].includes(row.status) ? row : null;
    },
    40_000,
    "the delivery finished",
  );
  assert.equal(d.status, "succeeded", `ended ${d.status}: ${d.lastError}`);
  await w.kill("SIGTERM");
});

test("a worker killed mid-attempt: its deliveries (sent or only fetched) are taken over within ~30 s", { timeout: 120_000 }, async () => {
  const n = 12;
  const { rx, hook: h } = await hook("fault.kill", () => ({ status: 200, delayMs: 1000 }));
  // The production lock settings: nothing shortened for the test.
  const first = worker({ WORKER_CONCURRENCY: "8" });
  await first.ready();
  for (let i = 0; i < n; i++) await lib.ingestEvent(workspaceId, { type: "fault.kill", data: { i } });
  await rx.waitFor(3, 20_000);
  await first.kill("SIGKILL");
  const killedAt = Date.now();
  const second = worker({ WORKER_CONCURRENCY: "8" });
  await second.ready();
  await eventually(async () => (await statuses(h.id)).succeeded === n, 45_000, `${n} deliveries succeeded`);
  const took = (Date.now() - killedAt) / 1000;
  assert.ok(took <= 35, `taken over in ${took.toFixed(1)} s`);
  console.log(`# worker killed mid-attempt: all ${n} delivered ${took.toFixed(1)} s after the kill`);
  await second.kill("SIGTERM");
});
