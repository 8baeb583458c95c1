// Payload filters are customer-written queries: they are compiled and
// trial-run when saved (422 naming filter), field names that collide with
// Object.prototype are plain field names, and at ingest a filter that cannot
// be evaluated skips only its own endpoint, with the reason on a skipped
// delivery, while the event still reaches every other endpoint.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { call } from "../helpers/api";
import { newTenant } from "../helpers/tenant";
import { receiverPool } from "../helpers/receiver";

let t: Awaited<ReturnType<typeof newTenant>>;
const pool = receiverPool();
before(async () => {
  t = await newTenant("Filter safety tenant");
});
after(async () => {
  await pool.closeAll();
  await db.$disconnect();
});

let seq = 0;
async function hook(url: string, extra: Record<string, unknown> = {}, type = `filter.t${++seq}`) {
  const res = await t.api.post("/api/v1/webhooks", { url, events: [type], ...extra });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return { id: res.body.id as string, type };
}

test("a filter sift cannot compile is refused at save with 422 naming filter and the reason", async () => {
  for (const filter of [{ score: { $gt: 1, name: "x" } }, { score: { ">=": 1, name: "x" } }]) {
    const res = await t.api.post("/api/v1/webhooks", { url: "https://example.com/f", events: ["*"], filter });
    assert.equal(res.status, 422, JSON.stringify(res.body));
    assert.equal(res.body.error.code, "validation_failed");
    assert.ok(res.body.error.details[0].path.startsWith("filter"), JSON.stringify(res.body.error.details));
    assert.match(res.body.error.message, /operations/);
  }
  const { id } = await hook("https://example.com/f");
  const patched = await t.api.patch(`/api/v1/webhooks/${id}`, { filter: { score: { $lt: 1, other: 2 } } });
  assert.equal(patched.status, 422, JSON.stringify(patched.body));
});

test("toString and valueOf are plain field names; constructor and __proto__ are refused with 422", async () => {
  const rx = await pool.start();
  const { type } = await hook(rx.url, { filter: { toString: { $exists: true }, valueOf: ["a", "b"] } });
  const send = async (data: Record<string, unknown>) => (await t.api.post("/api/v1/events", { event: type, data })).body.deliveries;
  assert.equal(await send({}), 0, "inherited Object.prototype members are not fields of the payload");
  assert.equal(await send({ toString: 1, valueOf: "b" }), 1);
  assert.equal(await send({ toString: 1, valueOf: "c" }), 0);

  for (const filter of [{ constructor: "yes" }, { "a.constructor": { $exists: true } }]) {
    const res = await t.api.post("/api/v1/webhooks", { url: "https://example.com/c", events: ["*"], filter });
    assert.equal(res.status, 422, JSON.stringify(res.body));
    assert.match(res.body.error.message, /"constructor" cannot be used as a field name/);
  }

  const proto = await call("POST", "/api/v1/webhooks", {
    key: t.key,
    raw: '{"url":"https://example.com/p","events":["*"],"filter":{"__proto__":{"$gt":1}}}',
    headers: { "content-type": "application/json" },
  });
  assert.equal(proto.status, 422, JSON.stringify(proto.body));
  assert.match(proto.body.error.message, /__proto__/);
});

async function brokenFilterSetup() {
  const good = await pool.start();
  const broken = await pool.start();
  const type = `filter.t${++seq}`;
  await hook(good.url, {}, type);
  const bad = await hook(broken.url, {}, type);
  // Saved before save-time compilation existed (or written by hand): sift rejects it.
  const row = await db.endpoint.findUniqueOrThrow({ where: { id: bad.id } });
  await db.endpoint.update({ where: { id: bad.id }, data: { policy: { ...(row.policy as object), filter: { score: { $gt: 1, name: "x" } } } } });
  return { good, broken, type, badId: bad.id };
}

async function assertSkipped(eventId: string, badId: string) {
  const d = await db.delivery.findFirstOrThrow({ where: { eventId, endpointId: badId } });
  assert.equal(d.status, "skipped");
  assert.match(d.lastError ?? "", /payload filter/);
  assert.match(d.lastError ?? "", /operations/);
}

test("at ingest, an endpoint whose filter throws is skipped and recorded; the others still get the event", async () => {
  const { good, broken, type, badId } = await brokenFilterSetup();
  const res = await t.api.post("/api/v1/events", { event: type, data: { score: 5 } });
  assert.equal(res.status, 202, JSON.stringify(res.body));
  const [req] = await good.waitFor(1);
  assert.equal(JSON.parse(req.body).id, res.body.id);
  await assertSkipped(res.body.id, badId);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(broken.requests.length, 0);
});

test("batch ingest: the same, per event", async () => {
  const { good, type, badId } = await brokenFilterSetup();
  const res = await t.api.post("/api/v1/events/batch", { events: [{ event: type, data: { score: 1 } }, { event: type, data: { score: 2 } }] });
  assert.equal(res.status, 202, JSON.stringify(res.body));
  await good.waitFor(2);
  for (const item of res.body.data) await assertSkipped(item.id, badId);
});
