// Event ingest: validation, limits, idempotency and fan-out (no delivery wait here).
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { call } from "../helpers/api";
import { newTenant } from "../helpers/tenant";

let t: Awaited<ReturnType<typeof newTenant>>;
before(async () => {
  t = await newTenant("Ingest tenant");
  // Nothing listens on loopback port 9: only fan-out is checked in this file.
  await t.api.post("/api/v1/webhooks", { url: "http://127.0.0.1:9/a", events: ["scan.*"], status: "disabled" });
});
after(() => db.$disconnect());

test("accepts an event with 202, an evt_ id and the number of deliveries", async () => {
  const { body: hook } = await t.api.post("/api/v1/webhooks", { url: "http://127.0.0.1:9/b", events: ["scan.completed"] });
  const res = await t.api.post("/api/v1/events", { event: "scan.completed", data: { job_id: "scan_1", profile_id: 42 } });
  assert.equal(res.status, 202);
  assert.match(res.body.id, /^evt_/);
  assert.equal(res.body.event, "scan.completed");
  assert.equal(res.body.deliveries, 1, "one active subscribed endpoint; the disabled one gets none");
  const stored = await db.event.findUniqueOrThrow({ where: { id: res.body.id }, include: { deliveries: true } });
  assert.deepEqual(stored.payload, { job_id: "scan_1", profile_id: 42 });
  assert.equal(stored.deliveries.length, 1);
  assert.equal(stored.deliveries[0].endpointId, hook.id);
  await t.api.delete(`/api/v1/webhooks/${hook.id}`);
});

test("accepts Sonotheia's `type` field as a synonym", async () => {
  const res = await t.api.post("/api/v1/events", { type: "deepfake.completed", id: "event-abc123", data: { score: 0.82 } });
  assert.equal(res.status, 202);
  assert.equal(res.body.event, "deepfake.completed");
  assert.equal(res.body.deliveries, 0);
});

test("Idempotency-Key returns the same response and creates nothing new", async () => {
  const key = `idem-${Date.now()}`;
  const first = await t.api.post("/api/v1/events", { event: "scan.started", data: { n: 1 } }, { "idempotency-key": key });
  const second = await t.api.post("/api/v1/events", { event: "scan.started", data: { n: 1 } }, { "idempotency-key": key });
  assert.equal(first.status, 202);
  assert.equal(second.status, 202);
  assert.deepEqual(second.body, first.body);
  assert.equal(second.headers.get("idempotent-replayed"), "true");
  assert.equal(await db.event.count({ where: { workspaceId: t.workspaceId, idempotencyKey: key } }), 1);
});

test("the body's `id` dedupes too, per workspace only", async () => {
  const other = await newTenant("Other ingest tenant");
  const body = { event: "scan.failed", id: "producer-event-7", data: {} };
  const first = await t.api.post("/api/v1/events", body);
  const again = await t.api.post("/api/v1/events", body);
  const elsewhere = await other.api.post("/api/v1/events", body);
  assert.equal(again.body.id, first.body.id);
  assert.notEqual(elsewhere.body.id, first.body.id);
});

test("validation errors name the field", async () => {
  const noType = await t.api.post("/api/v1/events", { data: {} });
  assert.equal(noType.status, 422);
  assert.ok(noType.body.error.details.some((d: any) => d.path === "event"));
  const badData = await t.api.post("/api/v1/events", { event: "scan.completed", data: [1, 2] });
  assert.equal(badData.status, 422);
  assert.ok(badData.body.error.details.some((d: any) => d.path === "data"));
  const badType = await t.api.post("/api/v1/events", { event: "scan completed!", data: {} });
  assert.equal(badType.status, 422);
  const conflict = await t.api.post("/api/v1/events", { event: "a.b", type: "c.d", data: {} });
  assert.equal(conflict.status, 422);
});

test("payloads over 256 KB are 413 and nothing is stored", async () => {
  const before = await db.event.count({ where: { workspaceId: t.workspaceId } });
  const res = await t.api.post("/api/v1/events", { event: "scan.completed", data: { blob: "x".repeat(300 * 1024) } });
  assert.equal(res.status, 413);
  assert.equal(res.body.error.code, "payload_too_large");
  assert.equal(await db.event.count({ where: { workspaceId: t.workspaceId } }), before);
});

test("no credentials is 401; a key without events:write is 403", async () => {
  assert.equal((await call("POST", "/api/v1/events", { body: { event: "a.b", data: {} } })).status, 401);
  const ro = await newTenant("ro", ["webhooks:read"]);
  assert.equal((await ro.api.post("/api/v1/events", { event: "a.b", data: {} })).status, 403);
});
