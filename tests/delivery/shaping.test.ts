// Rate limits, progress coalescing, batch mode, per-request callback URLs and
// the dead-letter list, against real loopback receivers and the real worker.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { db } from "@/lib/db";
import { purgeDeadLetters } from "@/lib/deliveries/dead-letter";
import { eventually } from "../helpers/api";
import { newTenant } from "../helpers/tenant";
import { receiverPool } from "../helpers/receiver";

let t: Awaited<ReturnType<typeof newTenant>>;
const pool = receiverPool();
before(async () => {
  t = await newTenant("Shaping tenant");
});
after(async () => {
  await pool.closeAll();
  await db.$disconnect();
});

const receiver = pool.start;

const post = async (body: Record<string, unknown>) => {
  const res = await t.api.post("/api/v1/events", body);
  assert.equal(res.status, 202, JSON.stringify(res.body));
  return res.body;
};

test("a per-endpoint rate limit is measured at the receiver; nothing is dropped", async () => {
  const rx = await receiver();
  await t.api.post("/api/v1/webhooks", { url: rx.url, events: ["ratelimit.tick"], rate_limit_per_sec: 4 });
  await Promise.all(Array.from({ length: 12 }, (_, i) => post({ event: "ratelimit.tick", data: { i } })));
  const reqs = await rx.waitFor(12, 15_000);
  // In any one-second window, at most the limit arrives, plus slack: the limiter lets one more
  // through around a second's edge, and on a loaded machine the time between taking a slot and
  // the request reaching the receiver varies by a slot or so. Without the limit, all 12 would
  // arrive within one second.
  const times = reqs.map((r) => r.at).sort((a, b) => a - b);
  for (let i = 0; i < times.length; i++) {
    const inWindow = times.filter((x) => x >= times[i] && x < times[i] + 1000).length;
    assert.ok(inWindow <= 6, `${inWindow} requests within one second: ${times.map((x) => x - times[0]).join(", ")}`);
  }
  assert.ok(times[times.length - 1] - times[0] >= 1500, "12 deliveries at 4/s take at least two seconds");
  assert.equal(new Set(reqs.map((r) => JSON.parse(r.body).data.i)).size, 12);
});

test("progress events are coalesced per entity; the terminal event is last and never skipped", async () => {
  const rx = await receiver();
  await t.api.post("/api/v1/webhooks", {
    url: rx.url,
    events: ["download.*"],
    coalesce: { event_types: ["download.progress"], entity_key: "request_id", interval_ms: 1000 },
  });
  await post({ event: "download.started", data: { request_id: "req_a" } });
  for (let p = 1; p <= 8; p++) {
    await post({ event: "download.progress", data: { request_id: "req_a", progress: { percent: p * 10 } } });
    await new Promise((r) => setTimeout(r, 150));
  }
  await post({ event: "download.progress", data: { request_id: "req_b", progress: { percent: 50 } } });
  await post({ event: "download.completed", data: { request_id: "req_a", status: "completed" } });

  await eventually(async () => rx.requests.some((r) => JSON.parse(r.body).event === "download.completed"), 15_000, "the terminal event");
  await new Promise((r) => setTimeout(r, 500));
  const a = rx.requests.map((r) => JSON.parse(r.body)).filter((b) => b.data.request_id === "req_a");
  const progress = a.filter((b) => b.event === "download.progress");
  assert.ok(progress.length >= 1 && progress.length <= 3, `${progress.length} progress deliveries for 8 events in ~1.2 s`);
  assert.equal(a[a.length - 1].event, "download.completed", "the terminal event arrives last");
  const percents = progress.map((b) => b.data.progress.percent);
  assert.deepEqual([...percents].sort((x, y) => x - y), percents, "progress never goes backwards");
  // Progress arrivals for one entity are at least the interval apart.
  const times = rx.requests.filter((r) => JSON.parse(r.body).event === "download.progress" && JSON.parse(r.body).data.request_id === "req_a").map((r) => r.at);
  for (let i = 1; i < times.length; i++) assert.ok(times[i] - times[i - 1] >= 900, "at most one progress per second");
  // Another entity is not held back by the first.
  assert.ok(rx.requests.some((r) => JSON.parse(r.body).data.request_id === "req_b"));
  const skipped = await db.delivery.count({ where: { workspaceId: t.workspaceId, status: "skipped", coalesceKey: "download.request_id=req_a" } });
  assert.equal(skipped + progress.length, 8, "every progress delivery was either sent or skipped as superseded");
});

test("batch mode sends { batch_id, events: [...] } up to the max size", async () => {
  const rx = await receiver();
  const { body: h } = await t.api.post("/api/v1/webhooks", { url: rx.url, events: ["media.moderated"], batch: { max_size: 5, max_wait_ms: 400 } });
  const ids = [];
  for (let i = 0; i < 7; i++) ids.push((await post({ event: "media.moderated", data: { n: i } })).id);
  await eventually(async () => rx.requests.reduce((n, r) => n + JSON.parse(r.body).events.length, 0) >= 7, 10_000, "7 batched events");
  const bodies = rx.requests.map((r) => JSON.parse(r.body));
  assert.ok(bodies.length >= 2 && bodies.length <= 3, `${bodies.length} requests for 7 events`);
  for (const b of bodies) {
    assert.match(b.batch_id, /^bat_/);
    assert.ok(b.events.length <= 5);
    for (const e of b.events) assert.equal(e.event, "media.moderated");
  }
  assert.deepEqual(bodies.flatMap((b) => b.events.map((e: any) => e.id)).sort(), [...ids].sort(), JSON.stringify(bodies.map((b) => b.events.map((e: any) => e.id))));
  await eventually(async () => (await db.delivery.count({ where: { endpointId: h.id, status: "succeeded" } })) === 7, 5000, "all succeeded");
});

test("a per-request callback URL gets the event, signed with the workspace callback secret", async () => {
  const rx = await receiver();
  const { body } = await t.api.get("/api/v1/callback-secret");
  const secret: string = body.secret;
  const accepted = await post({
    event: "download.completed",
    data: { request_id: "req_cb1", url: "https://example.com/video", status: "completed" },
    webhook_url: rx.url,
  });
  assert.ok(accepted.deliveries >= 1);
  const [req] = await rx.waitFor(1);
  // The downloads API's own verification: "sha256=" + hex HMAC of the raw body, key = the shared secret.
  const expected = "sha256=" + createHmac("sha256", secret).update(req.body).digest("hex");
  assert.equal(req.headers["x-webhook-signature"], expected);
  const parsed = JSON.parse(req.body);
  assert.equal(parsed.event, "download.completed");
  assert.equal(parsed.request_id, "req_cb1");
  assert.equal(req.headers["x-webhook-event"], "download.completed");
  // Callback endpoints are not listed as webhooks.
  const list = await t.api.get("/api/v1/webhooks");
  assert.ok(!list.body.data.some((w: any) => w.url === rx.url));
});

test("a callback URL that fails is retried like any delivery", async () => {
  const rx = await receiver((n) => (n < 3 ? 503 : 200));
  await post({ event: "download.failed", data: { request_id: "req_cb2", error: "Video not available" }, webhook_url: rx.url });
  await rx.waitFor(3, 10_000);
});

test("exhausted deliveries sit in the dead-letter list and can be retried by hand", async () => {
  let healthy = false;
  const rx = await receiver(() => (healthy ? 200 : 500));
  const { body: h } = await t.api.post("/api/v1/webhooks", { url: rx.url, events: ["dlq.test"], retry: { preset: "custom", schedule: ["0"] } });
  const a = await post({ event: "dlq.test", data: { n: 1 } });
  const b = await post({ event: "dlq.test", data: { n: 2 } });
  const dead = await eventually(async () => {
    const res = await t.api.get(`/api/v1/dead-letter?webhook_id=${h.id}`);
    return res.body.data.length === 2 ? res.body.data : null;
  }, 10_000, "two dead letters");
  assert.deepEqual(dead.map((d: any) => d.event_id).sort(), [a.id, b.id].sort());

  healthy = true;
  const one = await t.api.post("/api/v1/dead-letter/retry", { delivery_ids: [dead[0].id] });
  assert.equal(one.status, 202);
  assert.equal(one.body.retried, 1);
  const all = await t.api.post("/api/v1/dead-letter/retry", { all: true, webhook_id: h.id });
  assert.equal(all.body.retried, 1, "the other one; the first is no longer failed");
  await eventually(async () => (await db.delivery.count({ where: { endpointId: h.id, status: "succeeded" } })) === 2, 10_000, "both retried");
  const attempts = await db.attempt.findMany({ where: { deliveryId: dead[0].id }, orderBy: { number: "asc" } });
  assert.deepEqual(attempts.map((x) => [x.number, x.trigger, x.responseStatus]), [[1, "scheduled", 500], [2, "manual", 200]]);

  const bad = await t.api.post("/api/v1/dead-letter/retry", {});
  assert.equal(bad.status, 422);
  const other = await newTenant("DLQ outsider");
  const foreign = await other.api.post("/api/v1/dead-letter/retry", { delivery_ids: [dead[0].id] });
  assert.equal(foreign.body.retried, 0, "another workspace's delivery is untouched");
});

test("dead letters older than the retention period are deleted", async () => {
  const rx = await receiver(() => 500);
  const { body: h } = await t.api.post("/api/v1/webhooks", { url: rx.url, events: ["dlq.old"], retry: { preset: "custom", schedule: ["0"] } });
  const { id } = await post({ event: "dlq.old", data: {} });
  const d = await eventually(async () => db.delivery.findFirst({ where: { eventId: id, status: "failed" } }), 10_000, "failure");
  await db.$executeRaw`UPDATE "Delivery" SET "updatedAt" = now() - interval '31 days' WHERE id = ${d.id}`;
  assert.ok((await purgeDeadLetters(30)) >= 1);
  assert.equal(await db.delivery.count({ where: { id: d.id } }), 0);
  assert.equal(await db.attempt.count({ where: { deliveryId: d.id } }), 0);
  assert.equal(await db.endpoint.count({ where: { id: h.id } }), 1);
});

test("a callback URL pointing at a blocked address is refused when the event is accepted", async () => {
  const res = await t.api.post("/api/v1/events", { event: "download.completed", data: {}, webhook_url: "http://169.254.169.254/latest/meta-data" });
  assert.equal(res.status, 422);
  assert.ok(res.body.error.details.some((d: any) => d.path === "webhook_url"));
});
