// The whole path: ingest over HTTP → worker → signed POST to a real receiver →
// attempts recorded in PostgreSQL. Retry delays come from the test schedule
// (DELIVERY_RETRY_SCHEDULE=0,200ms,200ms,200ms set by scripts/test.mjs).
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { Webhook } from "standardwebhooks";
import { db } from "@/lib/db";
import { eventually } from "../helpers/api";
import { newTenant } from "../helpers/tenant";
import { receiverPool } from "../helpers/receiver";

let t: Awaited<ReturnType<typeof newTenant>>;
const pool = receiverPool();
before(async () => {
  t = await newTenant("Delivery tenant");
});
after(async () => {
  await pool.closeAll();
  await db.$disconnect();
});

const receiver = pool.start;

async function settled(deliveryId: string) {
  return eventually(
    async () => {
      const d = await db.delivery.findUniqueOrThrow({ where: { id: deliveryId }, include: { attempts: { orderBy: { number: "asc" } } } });
      return d.status === "succeeded" || d.status === "failed" ? d : null;
    },
    15_000,
    `delivery ${deliveryId} to finish`,
  );
}

async function deliveryOf(eventId: string, endpointId: string) {
  return db.delivery.findUniqueOrThrow({ where: { eventId_endpointId: { eventId, endpointId } } });
}

test("an ingested event arrives signed (Standard Webhooks) in the Content Protection Platform's envelope, and the attempt is stored", async () => {
  const rx = await receiver();
  const { body: hook } = await t.api.post("/api/v1/webhooks", { url: rx.url, events: ["scan.*"] });
  const { body: accepted } = await t.api.post("/api/v1/events", {
    event: "scan.completed",
    data: { job_id: "scan_12345abc", profile_id: 42, results: { infringements_found: 5 } },
  });
  assert.equal(accepted.deliveries, 1);

  const [req] = await rx.waitFor(1);
  const verified = new Webhook(hook.secret).verify(req.body, req.headers as Record<string, string>) as any;
  assert.equal(req.headers["webhook-id"], accepted.id);
  assert.equal(req.headers["content-type"], "application/json");
  assert.equal(verified.id, accepted.id);
  assert.equal(verified.event, "scan.completed");
  assert.equal(verified.api_version, "v1");
  assert.equal(verified.delivery_attempt, 1);
  assert.equal(verified.webhook_id, hook.id);
  assert.deepEqual(verified.data, { job_id: "scan_12345abc", profile_id: 42, results: { infringements_found: 5 } });
  assert.ok(!Number.isNaN(Date.parse(verified.timestamp)));

  const d = await settled((await deliveryOf(accepted.id, hook.id)).id);
  assert.equal(d.status, "succeeded");
  assert.equal(d.attemptCount, 1);
  assert.equal(d.lastStatus, 200);
  assert.equal(d.attempts.length, 1);
  const [att] = d.attempts;
  assert.equal(att.number, 1);
  assert.equal(att.trigger, "scheduled");
  assert.equal(att.requestUrl, rx.url);
  assert.equal(att.requestBody, req.body, "the stored request body is the exact bytes sent");
  assert.equal((att.requestHeaders as any)["webhook-id"], accepted.id);
  assert.equal(att.responseStatus, 200);
  assert.equal(att.responseBody, "status 200");
  assert.ok(att.durationMs >= 0);

  const list = await t.api.get(`/api/v1/deliveries?webhook_id=${hook.id}`);
  assert.equal(list.body.data[0].status, "succeeded");
  const updated = await t.api.get(`/api/v1/webhooks/${hook.id}`);
  assert.equal(updated.body.delivery_stats.total_deliveries, 1);
  assert.equal(updated.body.delivery_stats.successful_deliveries, 1);
  assert.ok(updated.body.last_delivery);
});

test("a receiver that fails twice then succeeds gets three attempts; the delivery succeeds", async () => {
  const rx = await receiver((n) => (n <= 2 ? 503 : 200));
  const { body: hook } = await t.api.post("/api/v1/webhooks", { url: rx.url, events: ["takedown.status_changed"] });
  const { body: accepted } = await t.api.post("/api/v1/events", { event: "takedown.status_changed", data: { takedown_id: "td_1" } });
  const reqs = await rx.waitFor(3);
  const d = await settled((await deliveryOf(accepted.id, hook.id)).id);
  assert.equal(d.status, "succeeded");
  assert.deepEqual(d.attempts.map((a) => a.responseStatus), [503, 503, 200]);
  assert.deepEqual(d.attempts.map((a) => a.number), [1, 2, 3]);
  // webhook-id is stable across retries; delivery_attempt counts up; each one verifies.
  assert.deepEqual(new Set(reqs.map((r) => r.headers["webhook-id"])).size, 1);
  assert.deepEqual(reqs.map((r) => JSON.parse(r.body).delivery_attempt), [1, 2, 3]);
  for (const r of reqs) new Webhook(hook.secret).verify(r.body, r.headers as Record<string, string>);
  assert.ok(reqs[1].at - reqs[0].at >= 150, "the retry waited for its scheduled delay");
});

test("a receiver that always fails exhausts the schedule and the delivery is failed", async () => {
  const rx = await receiver(() => 500);
  const { body: hook } = await t.api.post("/api/v1/webhooks", { url: rx.url, events: ["scan.failed"] });
  const { body: accepted } = await t.api.post("/api/v1/events", { event: "scan.failed", data: {} });
  const d = await settled((await deliveryOf(accepted.id, hook.id)).id);
  assert.equal(d.status, "failed");
  assert.equal(d.attempts.length, 4, "the test schedule has four attempts");
  assert.equal(d.nextAttemptAt, null);
  assert.equal(rx.requests.length, 4);
});

test("a 4xx answer is a permanent failure: no retry", async () => {
  const rx = await receiver(() => 400);
  const { body: hook } = await t.api.post("/api/v1/webhooks", { url: rx.url, events: ["profile.updated"] });
  const { body: accepted } = await t.api.post("/api/v1/events", { event: "profile.updated", data: {} });
  const d = await settled((await deliveryOf(accepted.id, hook.id)).id);
  assert.equal(d.status, "failed");
  assert.equal(d.attempts.length, 1);
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(rx.requests.length, 1);
});

test("a connection error is recorded and retried", async () => {
  const rx = await receiver();
  const url = rx.url;
  await rx.close(); // nothing listens there any more
  const { body: hook } = await t.api.post("/api/v1/webhooks", { url, events: ["system.maintenance"] });
  const { body: accepted } = await t.api.post("/api/v1/events", { event: "system.maintenance", data: {} });
  const d = await settled((await deliveryOf(accepted.id, hook.id)).id);
  assert.equal(d.status, "failed");
  assert.equal(d.attempts.length, 4);
  assert.equal(d.attempts[0].responseStatus, null);
  assert.match(d.attempts[0].error ?? "", /ECONNREFUSED/);
});

test("one event fans out to every subscribed endpoint, each with its own signature", async () => {
  const [r1, r2, r3] = [await receiver(), await receiver(), await receiver()];
  const { body: h1 } = await t.api.post("/api/v1/webhooks", { url: r1.url, events: ["infringement.detected"] });
  const { body: h2 } = await t.api.post("/api/v1/webhooks", { url: r2.url, events: ["infringement.*"] });
  await t.api.post("/api/v1/webhooks", { url: r3.url, events: ["takedown.submitted"] });
  const { body: accepted } = await t.api.post("/api/v1/events", { event: "infringement.detected", data: { infringement_id: 1 } });
  assert.equal(accepted.deliveries, 2);
  const [[a], [b]] = await Promise.all([r1.waitFor(1), r2.waitFor(1)]);
  new Webhook(h1.secret).verify(a.body, a.headers as Record<string, string>);
  new Webhook(h2.secret).verify(b.body, b.headers as Record<string, string>);
  assert.throws(() => new Webhook(h1.secret).verify(b.body, b.headers as Record<string, string>));
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(r3.requests.length, 0);
});
