// Claims are batched: concurrent jobs claim their deliveries in one statement.
// Each job must still get exactly what a claim of its own would have given it.
// The deliveries here are queued under a private prefix and not due for an hour, so no
// worker takes them: the test is the only claimer.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { closePrivateQueue } from "../helpers/private-queue";

const PREFIX = `hookrelay-claims-${randomBytes(3).toString("hex")}`;
// lib/config reads the environment once, on first use: set the prefix before loading lib/.
process.env.QUEUE_PREFIX = PREFIX;
let db: typeof import("@/lib/db").db;
let claimDelivery: typeof import("@/lib/delivery/claim").claimDelivery;
let ingestEvent: typeof import("@/lib/events/ingest").ingestEvent;
let workspaceId: string;
let endpointId: string;

before(async () => {
  ({ db } = await import("@/lib/db"));
  ({ claimDelivery } = await import("@/lib/delivery/claim"));
  ({ ingestEvent } = await import("@/lib/events/ingest"));
  const { createWorkspace } = await import("@/lib/workspaces/service");
  const { createWebhook } = await import("@/lib/webhooks/service");
  workspaceId = (await createWorkspace("Claims")).id;
  endpointId = (await createWebhook(workspaceId, { url: "https://claims.example.com/hook", events: ["claim.*"] })).id;
});
after(async () => {
  await closePrivateQueue(PREFIX);
  await db.$disconnect();
});

async function newDeliveries(n: number, type = "claim.test") {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const { accepted } = await ingestEvent(workspaceId, { type, data: { i } });
    const d = await db.delivery.findFirstOrThrow({ where: { eventId: accepted.id, endpointId } });
    // Not due for an hour: the test worker's reconciler re-enqueues overdue rows of every
    // workspace into the shared queue, and its attempts (to a host that does not resolve)
    // would claim these first and finally disable the endpoint. Claims ignore the due time.
    await db.delivery.update({ where: { id: d.id }, data: { nextAttemptAt: new Date(Date.now() + 3_600_000) } });
    ids.push(d.id);
  }
  return ids;
}

test("concurrent claims: every job gets its own delivery with its event and endpoint, and each is marked sending", async () => {
  const ids = await newDeliveries(150); // more than one batch's worth
  const claims = await Promise.all(ids.map((deliveryId) => claimDelivery({ deliveryId, attempt: 1 })));
  claims.forEach((c, i) => {
    assert.ok(c, `delivery ${i} claimed`);
    assert.equal(c.id, ids[i]);
    assert.equal(c.interrupted, false);
    assert.equal(c.workspaceId, workspaceId);
    assert.equal(c.endpoint.id, endpointId);
    assert.equal(c.endpoint.url, "https://claims.example.com/hook");
    assert.equal(c.event.type, "claim.test");
    assert.deepEqual(c.event.payload, { i });
  });
  assert.equal(await db.delivery.count({ where: { id: { in: ids }, status: "sending" } }), ids.length);
});

test("in one batch: the same delivery twice is claimed once, then as interrupted; finished, unknown and already-attempted ones are null", async () => {
  const [dup, done, attempted, fresh] = await newDeliveries(4);
  await db.delivery.update({ where: { id: done }, data: { status: "succeeded", attemptCount: 1 } });
  await db.delivery.update({ where: { id: attempted }, data: { attemptCount: 1 } });
  const [a, b, c, d, e, f] = await Promise.all([
    claimDelivery({ deliveryId: dup, attempt: 1 }),
    claimDelivery({ deliveryId: dup, attempt: 1 }),
    claimDelivery({ deliveryId: done, attempt: 2 }),
    claimDelivery({ deliveryId: attempted, attempt: 1 }),
    claimDelivery({ deliveryId: "dlv_does_not_exist", attempt: 1 }),
    claimDelivery({ deliveryId: fresh, attempt: 1 }),
  ]);
  assert.equal(a?.id, dup);
  assert.equal(a?.interrupted, false, "the first job claims it normally");
  assert.equal(b?.id, dup);
  assert.equal(b?.interrupted, true, "the second sees it already sending, as after a stalled job");
  assert.equal(c, null, "a finished delivery is not sent again");
  assert.equal(d, null, "attempt 1 is already recorded");
  assert.equal(e, null);
  assert.equal(f?.id, fresh);
  const next = await claimDelivery({ deliveryId: attempted, attempt: 2 });
  assert.equal(next?.id, attempted, "the next attempt number can claim it");
});

test("a disabled endpoint's deliveries are not claimed (they wait for it to be enabled)", async () => {
  const [id] = await newDeliveries(1);
  await db.endpoint.update({ where: { id: endpointId }, data: { status: "disabled" } });
  try {
    assert.equal(await claimDelivery({ deliveryId: id, attempt: 1 }), null);
    assert.equal((await db.delivery.findUniqueOrThrow({ where: { id } })).status, "pending");
  } finally {
    await db.endpoint.update({ where: { id: endpointId }, data: { status: "active" } });
  }
  assert.equal((await claimDelivery({ deliveryId: id, attempt: 1 }))?.id, id);
});

test("releases are batched too: each held delivery goes back to pending at its own time; others are untouched", async () => {
  const { releaseDelivery } = await import("@/lib/delivery/claim");
  const ids = await newDeliveries(120); // more than one batch's worth
  const [finished] = await newDeliveries(1);
  await Promise.all(ids.map((deliveryId) => claimDelivery({ deliveryId, attempt: 1 })));
  await db.delivery.update({ where: { id: finished }, data: { status: "succeeded" } });
  const base = Date.now() + 60_000;
  await Promise.all([...ids, finished].map((id, i) => releaseDelivery(id, new Date(base + i * 1000))));
  const rows = await db.delivery.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, nextAttemptAt: true } });
  for (const r of rows) {
    assert.equal(r.status, "pending");
    assert.equal(r.nextAttemptAt?.getTime(), base + ids.indexOf(r.id) * 1000);
  }
  assert.equal((await db.delivery.findUniqueOrThrow({ where: { id: finished } })).status, "succeeded", "only a delivery being sent is released");
});
