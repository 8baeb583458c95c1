// Self-delivery loops: a webhook pointing at this deployment's own ingest API
// would re-ingest every event it delivers, forever. Refused when saved (APP_URL's
// host, our own address and port), when sent (whatever name or row got past
// saving), and at ingest (a request carrying our delivery markers).
// The test env allowlists all of loopback, so these checks must hold inside it.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { USER_AGENT } from "@/lib/delivery/build-request";
import { BASE_URL, call, eventually } from "../helpers/api";
import { newTenant } from "../helpers/tenant";
import { receiverPool } from "../helpers/receiver";

const APP_URL = process.env.APP_URL!;
const PORT = new URL(BASE_URL).port;
let t: Awaited<ReturnType<typeof newTenant>>;
const pool = receiverPool();
before(async () => {
  t = await newTenant("Loop tenant");
});
after(async () => {
  await pool.closeAll();
  await db.$disconnect();
});


test("saving a webhook that points at this deployment is 422 on `url`, even inside the loopback allowlist", async () => {
  const urls = [
    `${APP_URL}/api/v1/events`,
    `http://localhost.:${PORT}/api/v1/events`,
    `http://127.0.0.1:${PORT}/api/v1/events`,
    `http://127.0.0.2:${PORT}/api/v1/events`,
    `http://[::1]:${PORT}/api/v1/events`,
    `http://[::ffff:127.0.0.1]:${PORT}/api/v1/events/batch`,
  ];
  for (const url of urls) {
    const res = await t.api.post("/api/v1/webhooks", { url, events: ["*"], custom_headers: { Authorization: `Bearer ${t.key}` } });
    assert.equal(res.status, 422, `${url}: ${JSON.stringify(res.body)}`);
    assert.equal(res.body.error.details[0].path, "url");
    assert.match(res.body.error.details[0].message, /this HookRelay deployment/, url);
  }
  // Another port on loopback is another service: the test env's allowlist decides (here: allowed).
  const other = await t.api.post("/api/v1/webhooks", { url: "http://127.0.0.1:9/hook", events: ["*"] });
  assert.equal(other.status, 201, JSON.stringify(other.body));
  await t.api.delete(`/api/v1/webhooks/${other.body.id}`);
});

test("a loop forced into the database is refused at send time, permanently, and creates no event", async () => {
  const rx = await pool.start();
  const { body: hook } = await t.api.post("/api/v1/webhooks", { url: rx.url, events: ["loop.forced"], custom_headers: { Authorization: `Bearer ${t.key}` } });
  for (const url of [`http://127.0.0.1:${PORT}/api/v1/events`, `http://localhost.:${PORT}/api/v1/events`]) {
    await db.endpoint.update({ where: { id: hook.id }, data: { url } });
    const accepted = await t.api.post("/api/v1/events", { event: "loop.forced", data: { url } });
    assert.equal(accepted.status, 202);
    const delivery = await eventually(
      async () => {
        const d = await db.delivery.findFirst({ where: { eventId: accepted.body.id }, include: { attempts: true } });
        return d && (d.status === "failed" || d.status === "succeeded") ? d : null;
      },
      10_000,
      "the delivery to finish",
    );
    assert.equal(delivery.status, "failed", url);
    assert.equal(delivery.attempts.length, 1, "a refusal is not retried");
    assert.match(delivery.attempts[0].error ?? "", /^destination blocked: .*this HookRelay deployment/, url);
  }
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(await db.event.count({ where: { workspaceId: t.workspaceId, type: "loop.forced" } }), 2, "only the two events sent by the test");
  assert.equal(rx.requests.length, 0);
});

test("ingest refuses a request carrying our delivery markers (User-Agent, a delivered envelope)", async () => {
  const ua = await call("POST", "/api/v1/events", { key: t.key, body: { event: "loop.ua", data: {} }, headers: { "user-agent": USER_AGENT } });
  assert.equal(ua.status, 403, JSON.stringify(ua.body));
  assert.equal(ua.body.error.code, "loop_detected");
  assert.match(ua.body.error.message, /HookRelay delivery/);

  // A real envelope, as a receiver got it, replayed by a relay with a plain User-Agent.
  const rx = await pool.start();
  await t.api.post("/api/v1/webhooks", { url: rx.url, events: ["loop.envelope"] });
  await t.api.post("/api/v1/events", { event: "loop.envelope", data: { n: 1 } });
  const [delivered] = await rx.waitFor(1);
  const envelope = JSON.parse(delivered.body);
  const single = await t.api.post("/api/v1/events", envelope);
  assert.equal(single.status, 403, JSON.stringify(single.body));
  assert.equal(single.body.error.code, "loop_detected");
  const batch = await t.api.post("/api/v1/events/batch", { events: [{ event: "loop.ok", data: {} }, envelope] });
  assert.equal(batch.status, 403, JSON.stringify(batch.body));
  assert.equal(batch.body.error.code, "loop_detected");
  assert.equal(await db.event.count({ where: { workspaceId: t.workspaceId, type: { in: ["loop.ua", "loop.ok"] } } }), 0);
  assert.equal(await db.event.count({ where: { workspaceId: t.workspaceId, type: "loop.envelope" } }), 1);
});

test("depth backstop: an event whose data nests our envelopes too deep is refused", async () => {
  const wrap = (data: unknown, n: number) => ({ id: `evt_${n}`, event: "loop.deep", timestamp: new Date().toISOString(), api_version: "v1", data, delivery_attempt: 1, webhook_id: `wh_${n}` });
  let data: unknown = { n: 0 };
  for (let i = 1; i <= 2; i++) data = wrap(data, i);
  // A relay that wraps what it received: accepted while shallow…
  const shallow = await t.api.post("/api/v1/events", { event: "loop.deep", data });
  assert.equal(shallow.status, 202, JSON.stringify(shallow.body));
  for (let i = 3; i <= 5; i++) data = wrap(data, i);
  // …refused once it has gone round too many times.
  const deep = await t.api.post("/api/v1/events", { event: "loop.deep", data });
  assert.equal(deep.status, 403, JSON.stringify(deep.body));
  assert.equal(deep.body.error.code, "loop_detected");
  assert.match(deep.body.error.message, /5 HookRelay deliveries deep/);
});
