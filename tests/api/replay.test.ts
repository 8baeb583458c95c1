// Replay and recover redeliver for real: a loopback receiver sees the extra
// requests, each a manual attempt (numbered after the last one), and a bulk
// recover job reports its progress until it completes.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { eventually } from "../helpers/api";
import { newTenant } from "../helpers/tenant";
import { receiverPool } from "../helpers/receiver";

let t: Awaited<ReturnType<typeof newTenant>>;
let other: Awaited<ReturnType<typeof newTenant>>;
const pool = receiverPool();
before(async () => {
  t = await newTenant("Replay tenant");
  other = await newTenant("Replay outsider");
});
after(async () => {
  await pool.closeAll();
  await db.$disconnect();
});

async function deliveryFor(eventId: string, webhookId: string) {
  const { body } = await t.api.get(`/api/v1/deliveries?event_id=${eventId}&webhook_id=${webhookId}`);
  return body.data[0];
}

async function until(deliveryId: string, ok: (d: any) => boolean, what: string) {
  return eventually(
    async () => {
      const { body } = await t.api.get(`/api/v1/deliveries/${deliveryId}`);
      return ok(body) ? body : null;
    },
    15_000,
    what,
  );
}

test("replaying a succeeded delivery sends it again now: one more attempt, trigger manual", async () => {
  const rx = await pool.start(() => 200);
  const { body: hook } = await t.api.post("/api/v1/webhooks", { url: rx.url, events: ["rp.one"] });
  const { body: ev } = await t.api.post("/api/v1/events", { event: "rp.one", data: { k: 1 } });
  await rx.waitFor(1);
  const d = await deliveryFor(ev.id, hook.id);
  await until(d.id, (x) => x.status === "succeeded", "first attempt");

  const res = await t.api.post(`/api/v1/deliveries/${d.id}/replay`);
  assert.equal(res.status, 202);
  assert.equal(res.body.attempt, 2);
  const reqs = await rx.waitFor(2);
  assert.equal(reqs[1].headers["webhook-id"], ev.id, "same webhook-id: receivers can dedupe");
  assert.equal(JSON.parse(reqs[1].body).delivery_attempt, 2);
  const done = await until(d.id, (x) => x.attempt_list.length === 2 && x.status === "succeeded", "manual attempt recorded");
  const manual = done.attempt_list[0]; // newest first
  assert.equal(manual.number, 2);
  assert.equal(manual.trigger, "manual");
  assert.equal(manual.request.body, reqs[1].body);
  assert.equal(manual.response.status, 200);

  assert.equal((await other.api.post(`/api/v1/deliveries/${d.id}/replay`)).status, 404);
  assert.equal(rx.requests.length, 2, "another workspace's replay sent nothing");
});

test("replaying a failed delivery to a receiver that recovered makes it succeed", async () => {
  let healthy = false;
  const rx = await pool.start(() => (healthy ? 200 : 422));
  const { body: hook } = await t.api.post("/api/v1/webhooks", { url: rx.url, events: ["rp.fail"] });
  const { body: ev } = await t.api.post("/api/v1/events", { event: "rp.fail", data: {} });
  const d = await deliveryFor(ev.id, hook.id);
  await until(d.id, (x) => x.status === "failed", "permanent failure");
  healthy = true;
  assert.equal((await t.api.post(`/api/v1/deliveries/${d.id}/replay`)).status, 202);
  const done = await until(d.id, (x) => x.status === "succeeded", "replayed delivery to succeed");
  assert.equal(done.attempts, 2);
  assert.deepEqual(done.attempt_list.map((a: any) => [a.number, a.trigger, a.response.status]), [[2, "manual", 200], [1, "scheduled", 422]]);
});

test("replaying a pending delivery whose retry is an hour away sends it now, instead of that retry", async () => {
  const rx = await pool.start((n) => (n === 1 ? 503 : 200));
  const { body: hook } = await t.api.post("/api/v1/webhooks", {
    url: rx.url,
    events: ["rp.later"],
    retry: { preset: "custom", schedule: ["0", "1h"], jitter: 0 },
  });
  assert.ok(hook.id, JSON.stringify(hook));
  const { body: ev } = await t.api.post("/api/v1/events", { event: "rp.later", data: {} });
  const d = await deliveryFor(ev.id, hook.id);
  const waiting = await until(d.id, (x) => x.status === "pending" && x.attempts === 1, "retry scheduled");
  assert.ok(Date.parse(waiting.next_attempt_at) - Date.now() > 30 * 60_000, "the retry is far away");
  assert.equal((await t.api.post(`/api/v1/deliveries/${d.id}/replay`)).status, 202);
  await rx.waitFor(2, 5_000);
  const done = await until(d.id, (x) => x.status === "succeeded", "manual attempt to succeed");
  assert.deepEqual(done.attempt_list.map((a: any) => [a.number, a.trigger]), [[2, "manual"], [1, "scheduled"]]);
});

test("replaying an event resends to its endpoints and reaches webhooks created after it; webhook_ids narrows it", async () => {
  const early = await pool.start(() => 200);
  const late = await pool.start(() => 200);
  const { body: h1 } = await t.api.post("/api/v1/webhooks", { url: early.url, events: ["rp.event"] });
  const { body: ev } = await t.api.post("/api/v1/events", { event: "rp.event", data: { v: 1 } });
  await early.waitFor(1);
  await until((await deliveryFor(ev.id, h1.id)).id, (x) => x.status === "succeeded", "first delivery");
  const { body: h2 } = await t.api.post("/api/v1/webhooks", { url: late.url, events: ["rp.*"] });
  const { body: h3 } = await t.api.post("/api/v1/webhooks", { url: late.url, events: ["other.thing"] });

  const res = await t.api.post(`/api/v1/events/${ev.id}/replay`);
  assert.equal(res.status, 202);
  assert.equal(res.body.resent.length, 1);
  assert.equal(res.body.created.length, 1);
  await early.waitFor(2);
  const [got] = await late.waitFor(1);
  assert.equal(JSON.parse(got.body).id, ev.id);
  assert.deepEqual(JSON.parse(got.body).data, { v: 1 });
  const { body: detail } = await t.api.get(`/api/v1/events/${ev.id}`);
  assert.deepEqual(new Set(detail.delivery_list.map((d: any) => d.webhook_id)), new Set([h1.id, h2.id]));

  await until((await deliveryFor(ev.id, h2.id)).id, (x) => x.status === "succeeded", "new delivery recorded");
  // Only the chosen webhook; a chosen one that doesn't subscribe is reported, not sent to.
  const chosen = await t.api.post(`/api/v1/events/${ev.id}/replay`, { webhook_ids: [h2.id, h3.id] });
  assert.equal(chosen.status, 202);
  assert.equal(chosen.body.resent.length, 1);
  assert.deepEqual(chosen.body.skipped, [{ webhook_id: h3.id, reason: "not subscribed to this event type" }]);
  await late.waitFor(2);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(early.requests.length, 2, "the other endpoint was not replayed");
  assert.equal(late.requests.length, 2);

  assert.equal((await t.api.post(`/api/v1/events/${ev.id}/replay`, { webhook_ids: ["wh_unknown"] })).status, 404);
  assert.equal((await other.api.post(`/api/v1/events/${ev.id}/replay`)).status, 404);
  assert.equal((await t.api.post(`/api/v1/events/${ev.id}/replay`, { webhook_ids: ["nope"] })).status, 422);
});

test("bulk recover resends every failed delivery of the endpoint in [since, until) in the background, with progress", async () => {
  let healthy = false;
  const rx = await pool.start(() => (healthy ? 200 : 400));
  const { body: hook } = await t.api.post("/api/v1/webhooks", { url: rx.url, events: ["rec.*"] });
  const { body: before } = await t.api.post("/api/v1/events", { event: "rec.old", data: { n: 0 } });
  await new Promise((r) => setTimeout(r, 30));
  const since = new Date().toISOString();
  const evs = [];
  for (let n = 1; n <= 3; n++) evs.push((await t.api.post("/api/v1/events", { event: "rec.new", data: { n } })).body);
  await rx.waitFor(4);
  await eventually(async () => (await t.api.get(`/api/v1/deliveries?webhook_id=${hook.id}&status=failed`)).body.data.length === 4, 10_000, "4 failures");
  healthy = true;

  const res = await t.api.post(`/api/v1/webhooks/${hook.id}/recover`, { since });
  assert.equal(res.status, 202);
  assert.match(res.body.id, /^rec_/);
  assert.ok(["queued", "running", "completed"].includes(res.body.status));
  const job = await eventually(
    async () => {
      const { body } = await t.api.get(`/api/v1/recover-jobs/${res.body.id}`);
      return body.status === "completed" ? body : null;
    },
    15_000,
    "recover job to complete",
  );
  assert.equal(job.total, 3);
  assert.equal(job.processed, 3);
  assert.equal(job.webhook_id, hook.id);

  for (const ev of evs) {
    const d = await deliveryFor(ev.id, hook.id);
    const done = await until(d.id, (x) => x.status === "succeeded", "recovered delivery");
    assert.equal(done.attempt_list[0].trigger, "manual");
  }
  const old = await deliveryFor(before.id, hook.id);
  assert.equal(old.status, "failed", "before `since`: left alone");
  const ns = rx.requests.slice(4).map((r) => JSON.parse(r.body).data.n).sort();
  assert.deepEqual(ns, [1, 2, 3]);

  assert.equal((await other.api.get(`/api/v1/recover-jobs/${res.body.id}`)).status, 404);
  assert.equal((await other.api.post(`/api/v1/webhooks/${hook.id}/recover`, { since })).status, 404);
  const bad = await t.api.post(`/api/v1/webhooks/${hook.id}/recover`, { since, until: "2000-01-01T00:00:00Z" });
  assert.equal(bad.status, 422);
  assert.ok(bad.body.error.details.some((d: any) => d.path === "until"));
});
