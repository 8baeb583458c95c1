// Events and deliveries as API resources: batch ingest (1,000 per request,
// all-or-nothing validation), lists with filters and cursors (newest first),
// one event with its deliveries, one delivery with its attempts (full request
// and response), scopes, and another workspace's ids answering 404.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { client, eventually } from "../helpers/api";
import { newTenant } from "../helpers/tenant";
import { receiverPool } from "../helpers/receiver";
import { createApiKey } from "@/lib/api/api-keys";

let t: Awaited<ReturnType<typeof newTenant>>;
let other: Awaited<ReturnType<typeof newTenant>>;
const pool = receiverPool();
before(async () => {
  t = await newTenant("Resources tenant");
  other = await newTenant("Other tenant");
});
after(async () => {
  await pool.closeAll();
  await db.$disconnect();
});

async function settled(api: typeof t.api, deliveryId: string) {
  return eventually(
    async () => {
      const { body } = await api.get(`/api/v1/deliveries/${deliveryId}`);
      return body.status === "succeeded" || body.status === "failed" ? body : null;
    },
    15_000,
    `delivery ${deliveryId} to finish`,
  );
}

test("batch ingest: 1,000 events in one request are all accepted and fanned out", async () => {
  const rx = await pool.start();
  const { body: hook } = await t.api.post("/api/v1/webhooks", { url: rx.url, events: ["batch.picked"] });
  const events = Array.from({ length: 1000 }, (_, i) => ({
    // Three of them go to the receiver; the rest match no endpoint.
    ...(i % 400 === 7 ? { event: "batch.picked" } : { type: "batch.bulk" }),
    data: { n: i },
  }));
  const started = Date.now();
  const res = await t.api.post("/api/v1/events/batch", { events });
  assert.equal(res.status, 202, JSON.stringify(res.body).slice(0, 300));
  assert.ok(Date.now() - started < 20_000, "one request, not a thousand");
  assert.equal(res.body.data.length, 1000);
  assert.deepEqual(res.body.data.map((r: any) => r.index), events.map((_, i) => i));
  assert.equal(new Set(res.body.data.map((r: any) => r.id)).size, 1000);
  assert.equal(res.body.data[7].event, "batch.picked");
  assert.equal(res.body.data[7].deliveries, 1);
  assert.equal(res.body.data[8].deliveries, 0);
  assert.equal(await db.event.count({ where: { workspaceId: t.workspaceId, type: { startsWith: "batch." } } }), 1000);

  const reqs = await rx.waitFor(3);
  const ns = reqs.map((r) => JSON.parse(r.body).data.n).sort((a: number, b: number) => a - b);
  assert.deepEqual(ns, [7, 407, 807]);
  await t.api.delete(`/api/v1/webhooks/${hook.id}`);
});

test("batch ingest is all-or-nothing: a bad item is named by its path and nothing is stored", async () => {
  // By type: operational events (delivery.exhausted…) from earlier tests may still arrive.
  const before = await db.event.count({ where: { workspaceId: t.workspaceId, type: "batch.bad" } });
  const events = [0, 1, 2, 3, 4].map((i) => ({ event: "batch.bad", data: i === 3 ? "not an object" : { i } }));
  const res = await t.api.post("/api/v1/events/batch", { events });
  assert.equal(res.status, 422);
  assert.equal(res.body.error.code, "validation_failed");
  assert.ok(res.body.error.details.some((d: any) => d.path === "events.3.data"), JSON.stringify(res.body.error.details));
  assert.match(res.body.error.message, /events\.3\.data/);
  assert.equal(await db.event.count({ where: { workspaceId: t.workspaceId, type: "batch.bad" } }), before);

  const tooMany = await t.api.post("/api/v1/events/batch", { events: Array.from({ length: 1001 }, () => ({ event: "a.b", data: {} })) });
  assert.equal(tooMany.status, 422);
  assert.ok(tooMany.body.error.details.some((d: any) => d.path === "events"));
  const empty = await t.api.post("/api/v1/events/batch", { events: [] });
  assert.equal(empty.status, 422);
});

test("batch ingest validates custom types that ask for it: 422 with the item's failing paths", async () => {
  const created = await t.api.post("/api/v1/event-types", {
    name: "batch.scored",
    schema: { type: "object", required: ["score"], properties: { score: { type: "number", maximum: 1 } } },
    validate: true,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const res = await t.api.post("/api/v1/events/batch", {
    events: [
      { event: "batch.scored", data: { score: 0.5 } },
      { event: "batch.scored", data: { score: 3 } },
    ],
  });
  assert.equal(res.status, 422);
  assert.deepEqual(res.body.error.details.map((d: any) => d.path), ["events.1.data.score"]);
  assert.equal(await db.event.count({ where: { workspaceId: t.workspaceId, type: "batch.scored" } }), 0);
  const ok = await t.api.post("/api/v1/events/batch", { events: [{ event: "batch.scored", data: { score: 1 } }] });
  assert.equal(ok.status, 202);
});

test("batch ingest honours idempotency ids: repeats (earlier or in the same batch) return the original event", async () => {
  const first = await t.api.post("/api/v1/events/batch", { events: [{ event: "idem.one", data: {}, id: "order-1" }] });
  assert.equal(first.status, 202);
  const again = await t.api.post("/api/v1/events/batch", {
    events: [
      { event: "idem.one", data: {}, id: "order-1" },
      { event: "idem.two", data: {}, id: "order-2" },
      { event: "idem.two", data: {}, id: "order-2" },
    ],
  });
  assert.equal(again.status, 202);
  const [a, b, c] = again.body.data;
  assert.equal(a.id, first.body.data[0].id);
  assert.equal(a.replayed, true);
  assert.equal(b.replayed, false);
  assert.equal(c.id, b.id);
  assert.equal(c.replayed, true);
  assert.equal(await db.event.count({ where: { workspaceId: t.workspaceId, type: { startsWith: "idem." } } }), 2);
});

test("racing requests with the same idempotency ids store each event once, and every request gets its id", async () => {
  // Batches that overlap on one id, and single events with the same id, sent at once:
  // the losers of the unique index fall back to the stored event instead of failing.
  const batches = Array.from({ length: 6 }, (_, i) =>
    t.api.post("/api/v1/events/batch", {
      events: [
        { event: "race.shared", data: {}, id: "race-shared" },
        { event: "race.own", data: { i }, id: `race-own-${i}` },
      ],
    }),
  );
  const singles = Array.from({ length: 4 }, () => t.api.post("/api/v1/events", { event: "race.shared", data: {}, id: "race-shared" }));
  const [batchResults, singleResults] = await Promise.all([Promise.all(batches), Promise.all(singles)]);
  for (const r of [...batchResults, ...singleResults]) assert.equal(r.status, 202, JSON.stringify(r.body).slice(0, 300));
  const sharedIds = new Set([...batchResults.map((r) => r.body.data[0].id), ...singleResults.map((r) => r.body.id)]);
  assert.equal(sharedIds.size, 1, "one event for the shared id");
  assert.equal(new Set(batchResults.map((r) => r.body.data[1].id)).size, 6, "each batch's own event is stored too");
  assert.equal(await db.event.count({ where: { workspaceId: t.workspaceId, type: "race.shared" } }), 1);
  assert.equal(await db.event.count({ where: { workspaceId: t.workspaceId, type: "race.own" } }), 6);
});

test("events list: newest first, cursor pages, filters by type (exact and prefix.*) and time range", async () => {
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) ids.push((await t.api.post("/api/v1/events", { event: `page.${i % 2 ? "odd" : "even"}`, data: { i } })).body.id);
  const mid = new Date().toISOString();
  await new Promise((r) => setTimeout(r, 20));
  for (let i = 5; i < 7; i++) ids.push((await t.api.post("/api/v1/events", { event: "page.late", data: { i } })).body.id);

  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const res: any = await t.api.get(`/api/v1/events?type=page.*&limit=3${cursor ? `&cursor=${cursor}` : ""}`);
    assert.equal(res.status, 200);
    assert.ok(res.body.data.length <= 3);
    seen.push(...res.body.data.map((e: any) => e.id));
    cursor = res.body.next_cursor;
  } while (cursor);
  assert.deepEqual(seen, [...ids].reverse(), "every page.* event once, newest first");

  const even = await t.api.get("/api/v1/events?type=page.even");
  assert.deepEqual(even.body.data.map((e: any) => e.data.i), [4, 2, 0]);
  assert.equal(even.body.data[0].event, "page.even");
  const late = await t.api.get(`/api/v1/events?type=page.*&since=${encodeURIComponent(mid)}`);
  assert.deepEqual(late.body.data.map((e: any) => e.id), [ids[6], ids[5]]);
  const early = await t.api.get(`/api/v1/events?type=page.*&until=${encodeURIComponent(mid)}`);
  assert.equal(early.body.data.length, 5);
  const bad = await t.api.get("/api/v1/events?since=yesterday");
  assert.equal(bad.status, 422);
  assert.ok(bad.body.error.details.some((d: any) => d.path === "since"));
  // Another workspace sees none of them.
  const theirs = await other.api.get("/api/v1/events?type=page.*");
  assert.deepEqual(theirs.body.data, []);
});

test("an event with its deliveries; a delivery with its attempts: the full request and response", async () => {
  const ok = await pool.start(() => ({ status: 200, body: '{"received":true}', headers: { "x-receiver": "ok" } }));
  const bad = await pool.start(() => ({ status: 400, body: "nope" }));
  const { body: h1 } = await t.api.post("/api/v1/webhooks", { url: ok.url, events: ["detail.*"] });
  const { body: h2 } = await t.api.post("/api/v1/webhooks", { url: bad.url, events: ["detail.made"] });
  const { body: ev } = await t.api.post("/api/v1/events", { event: "detail.made", data: { x: 1 } });
  const [sent] = await ok.waitFor(1);
  await bad.waitFor(1);

  const { body: list } = await t.api.get(`/api/v1/deliveries?event_id=${ev.id}`);
  const d1 = list.data.find((d: any) => d.webhook_id === h1.id);
  const d2 = list.data.find((d: any) => d.webhook_id === h2.id);
  await settled(t.api, d1.id);
  await settled(t.api, d2.id);

  const got = await t.api.get(`/api/v1/events/${ev.id}`);
  assert.equal(got.status, 200);
  assert.equal(got.body.id, ev.id);
  assert.equal(got.body.event, "detail.made");
  assert.deepEqual(got.body.data, { x: 1 });
  assert.equal(got.body.deliveries, 2);
  assert.deepEqual(new Set(got.body.delivery_list.map((d: any) => d.webhook_id)), new Set([h1.id, h2.id]));
  assert.equal(got.body.delivery_list.find((d: any) => d.webhook_id === h1.id).status, "succeeded");
  assert.equal(got.body.delivery_list.find((d: any) => d.webhook_id === h2.id).status, "failed");

  const detail = await t.api.get(`/api/v1/deliveries/${d1.id}`);
  assert.equal(detail.status, 200);
  assert.equal(detail.body.status, "succeeded");
  assert.equal(detail.body.attempt_list.length, 1);
  const att = detail.body.attempt_list[0];
  assert.equal(att.number, 1);
  assert.equal(att.trigger, "scheduled");
  assert.equal(att.request.url, ok.url);
  assert.equal(att.request.body, sent.body, "the exact bytes sent");
  assert.equal(att.request.headers["webhook-id"], ev.id);
  assert.match(att.request.headers["webhook-signature"], /^v1,/);
  assert.equal(att.response.status, 200);
  assert.equal(att.response.body, '{"received":true}');
  assert.equal(att.response.headers["x-receiver"], "ok");
  assert.equal(typeof att.response.duration_ms, "number");
  assert.equal(att.response.error, null);

  const attempts = await t.api.get(`/api/v1/deliveries/${d2.id}/attempts`);
  assert.equal(attempts.status, 200);
  assert.equal(attempts.body.data.length, 1);
  assert.equal(attempts.body.next_cursor, null);
  assert.equal(attempts.body.data[0].response.status, 400);
  assert.equal(attempts.body.data[0].response.body, "nope");
  const one = await t.api.get(`/api/v1/attempts/${att.id}`);
  assert.equal(one.status, 200);
  assert.deepEqual(one.body, att);

  // Another workspace's ids are 404, never the data.
  for (const path of [`/api/v1/events/${ev.id}`, `/api/v1/deliveries/${d1.id}`, `/api/v1/deliveries/${d1.id}/attempts`, `/api/v1/attempts/${att.id}`]) {
    const res = await other.api.get(path);
    assert.equal(res.status, 404, path);
    assert.equal(res.body.error.code, "not_found");
  }
  assert.equal((await t.api.get("/api/v1/attempts/att_nope")).status, 404);
});

test("deliveries list: filters by webhook, event, status, event type and time range, newest first with cursors", async () => {
  const ok = await pool.start(() => 200);
  const bad = await pool.start(() => 400);
  const { body: good } = await t.api.post("/api/v1/webhooks", { url: ok.url, events: ["flt.*"] });
  const { body: failing } = await t.api.post("/api/v1/webhooks", { url: bad.url, events: ["flt.a"] });
  const a = (await t.api.post("/api/v1/events", { event: "flt.a", data: {} })).body; // → good + failing
  const t1 = new Date().toISOString();
  await new Promise((r) => setTimeout(r, 20));
  const b = (await t.api.post("/api/v1/events", { event: "flt.b", data: {} })).body; // → good only
  await ok.waitFor(2);
  await bad.waitFor(1);
  await eventually(async () => (await t.api.get(`/api/v1/deliveries?webhook_id=${failing.id}&status=failed`)).body.data.length === 1, 10_000, "failure recorded");
  await eventually(async () => (await t.api.get(`/api/v1/deliveries?webhook_id=${good.id}&status=succeeded`)).body.data.length === 2, 10_000, "successes recorded");

  const byHook = await t.api.get(`/api/v1/deliveries?webhook_id=${good.id}`);
  assert.deepEqual(byHook.body.data.map((d: any) => d.event_id), [b.id, a.id], "newest first");
  const byEvent = await t.api.get(`/api/v1/deliveries?event_id=${a.id}`);
  assert.equal(byEvent.body.data.length, 2);
  const failed = await t.api.get(`/api/v1/deliveries?status=failed&event_type=flt.*`);
  assert.deepEqual(failed.body.data.map((d: any) => d.webhook_id), [failing.id]);
  const byType = await t.api.get(`/api/v1/deliveries?event_type=flt.b`);
  assert.deepEqual(byType.body.data.map((d: any) => d.event_id), [b.id]);
  const since = await t.api.get(`/api/v1/deliveries?event_type=flt.*&since=${encodeURIComponent(t1)}`);
  assert.deepEqual(since.body.data.map((d: any) => d.event_id), [b.id]);
  const until = await t.api.get(`/api/v1/deliveries?event_type=flt.*&until=${encodeURIComponent(t1)}`);
  assert.deepEqual(until.body.data.map((d: any) => d.event_id).sort(), [a.id, a.id]);
  const page1 = await t.api.get(`/api/v1/deliveries?event_type=flt.*&limit=2`);
  assert.equal(page1.body.data.length, 2);
  assert.ok(page1.body.next_cursor);
  const page2 = await t.api.get(`/api/v1/deliveries?event_type=flt.*&limit=2&cursor=${page1.body.next_cursor}`);
  assert.equal(page2.body.data.length, 1);
  assert.equal(page2.body.next_cursor, null);
  assert.equal((await t.api.get("/api/v1/deliveries?status=lost")).status, 422);
  assert.deepEqual((await other.api.get(`/api/v1/deliveries?event_id=${a.id}`)).body.data, []);
});

test("scopes: reading events needs events:read, replaying needs deliveries:write", async () => {
  const { key } = await createApiKey(t.workspaceId, "read-only", ["deliveries:read"]);
  const ro = client(key);
  assert.equal((await ro.get("/api/v1/events")).status, 403);
  assert.equal((await ro.get("/api/v1/deliveries")).status, 200);
  const ev = (await t.api.post("/api/v1/events", { event: "scope.x", data: {} })).body;
  assert.equal((await ro.post(`/api/v1/events/${ev.id}/replay`)).status, 403);
  assert.equal((await ro.post("/api/v1/events/batch", { events: [{ event: "a.b", data: {} }] })).status, 403);
  const anon = client("");
  assert.equal((await anon.get("/api/v1/events")).status, 401);
});
