// The reconciler finds every overdue delivery, page after page, and re-enqueues
// it even when a stale job with the same id sits in BullMQ's failed set; it
// never adds a second job beside one that is still waiting. Runs on a database
// and queue prefix of its own with no worker, so the jobs stay where it put them.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { UnrecoverableError, Worker } from "bullmq";
import { createScratchDatabase } from "../helpers/scratch-database";
import { closePrivateQueue } from "../helpers/private-queue";

const PREFIX = `hookrelay-reconciler-${randomBytes(3).toString("hex")}`;
process.env.QUEUE_PREFIX = PREFIX; // before lib/ loads
let dropDatabase: () => Promise<void> = async () => {};
let db: typeof import("@/lib/db").db;

before(async () => {
  const scratch = await createScratchDatabase(process.env.DATABASE_URL!, `hookrelay_reconciler_${randomBytes(3).toString("hex")}`);
  process.env.DATABASE_URL = scratch.url;
  dropDatabase = scratch.drop;
  ({ db } = await import("@/lib/db"));
});
after(async () => {
  await closePrivateQueue(PREFIX);
  await db.$disconnect();
  await dropDatabase();
});

test("every overdue delivery is re-enqueued, past the first page and past stale failed jobs; a waiting job is not doubled", async () => {
  const { ingestEvent } = await import("@/lib/events/ingest");
  const { createWebhook } = await import("@/lib/webhooks/service");
  const { createWorkspace } = await import("@/lib/workspaces/service");
  const { deliveryQueue } = await import("@/lib/queue/delivery-queue");
  const { readyRedis } = await import("@/lib/redis");
  const { deliverJob } = await import("@/lib/queue/jobs");
  const { reconcileOverdue } = await import("@/lib/delivery/reconciler");

  const ws = await createWorkspace("Reconciler");
  await createWebhook(ws.id, { url: "http://127.0.0.1:9/never-called", events: ["rec.test"] });
  for (let i = 0; i < 25; i++) await ingestEvent(ws.id, { type: "rec.test", data: { i } });
  const deliveries = await db.delivery.findMany({ where: { workspaceId: ws.id }, orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }] });
  assert.equal(deliveries.length, 25);

  // Redis lost every job…
  const redis = await readyRedis();
  const queue = deliveryQueue(deliverJob.queues.first);
  await queue.obliterate({ force: true });
  // …except the oldest ten, whose jobs failed for good (PostgreSQL was down for all their tries).
  const stale = deliveries.slice(0, 10);
  await queue.addBulk(stale.map((d) => ({ name: deliverJob.name, data: { deliveryId: d.id, attempt: 1 }, opts: { jobId: `${d.id}.1`, attempts: 1 } })));
  const failerConnection = redis.duplicate({ maxRetriesPerRequest: null, enableOfflineQueue: true });
  const failer = new Worker(deliverJob.queues.first, async () => {
    throw new UnrecoverableError("database unreachable");
  }, { connection: failerConnection, prefix: PREFIX, concurrency: 10 });
  for (let t = 0; (await queue.getFailedCount()) < 10; t++) {
    assert.ok(t < 100, "the stale jobs failed");
    await new Promise((r) => setTimeout(r, 100));
  }
  await failer.close();
  failerConnection.disconnect();
  await db.delivery.updateMany({ where: { workspaceId: ws.id }, data: { nextAttemptAt: new Date(Date.now() - 3_600_000) } });

  // Pages of 4: the oldest pages hold only the stale ten.
  const added = await reconcileOverdue(1000, 60_000, 4);
  const states = await Promise.all(deliveries.map((d) => queue.getJobState(`${d.id}.1`)));
  assert.deepEqual(
    states.filter((s) => s !== "waiting"),
    [],
    `every delivery has a waiting job (states: ${states.join(",")})`,
  );
  assert.equal(added, 25, "the count says how many jobs were added");
  // A second pass finds them all still waiting: nothing is added twice.
  assert.equal(await reconcileOverdue(1000, 60_000, 4), 0);
  assert.equal(await queue.getWaitingCount(), 25);
});
