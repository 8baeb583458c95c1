// Endpoint health against real receivers: 410 disables, the circuit breaker
// holds (never drops) deliveries and probes one at a time, sustained failure
// disables, and enabling again sends what was kept. The test env
// (scripts/test.mjs) sets CIRCUIT_FAILURE_THRESHOLD=5, CIRCUIT_OPEN_SEC=1,
// AUTO_DISABLE_AFTER_SEC=5 and SMTP_URL to the inbox started here.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { eventually } from "../helpers/api";
import { newTenant } from "../helpers/tenant";
import { addMember } from "../helpers/members";
import { startReceiver, type Receiver } from "../helpers/receiver";
import { startInbox, type Inbox } from "../helpers/smtp-inbox";

let t: Awaited<ReturnType<typeof newTenant>>;
let owner: Awaited<ReturnType<typeof addMember>>;
let inbox: Inbox;
let watcher: Receiver;
const receivers: Receiver[] = [];

before(async () => {
  inbox = await startInbox();
  t = await newTenant("Health tenant");
  owner = await addMember(t.workspaceId, "owner");
  // Another endpoint of the same workspace, subscribed to the operational events.
  watcher = await receiver();
  await t.api.post("/api/v1/webhooks", { url: watcher.url, events: ["endpoint.*", "delivery.recovered"] });
});
after(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await inbox.close();
  await db.$disconnect();
});

async function receiver(respond?: Parameters<typeof startReceiver>[0]) {
  const r = await startReceiver(respond);
  receivers.push(r);
  return r;
}

/** Operational events of `type` about endpoint `webhookId` that reached the watcher. */
const opEvents = (type: string, webhookId: string) =>
  watcher.requests.map((r) => JSON.parse(r.body)).filter((b) => b.event === type && b.data.webhook_id === webhookId);

const waitOpEvent = (type: string, webhookId: string, timeoutMs = 10_000) =>
  eventually(async () => opEvents(type, webhookId)[0], timeoutMs, `${type} for ${webhookId}`);

const endpointRow = (id: string) => db.endpoint.findUniqueOrThrow({ where: { id } });
const deliveriesOf = (endpointId: string) => db.delivery.findMany({ where: { endpointId }, orderBy: { createdAt: "asc" } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Long enough that nothing exhausts during a test; attempts are held while the circuit is open.
const PATIENT = { timeout_sec: 1, retry: { preset: "custom", schedule: ["0", "300ms", ...Array(12).fill("1s")], jitter: 0 } };

test("410 Gone disables the endpoint: endpoint.disabled reaches the workspace's other endpoint, and the owner gets an email", async () => {
  const gone = await receiver(() => 410);
  const { body: hook } = await t.api.post("/api/v1/webhooks", { url: gone.url, events: ["gone.test"] });
  const { body: accepted } = await t.api.post("/api/v1/events", { event: "gone.test", data: {} });

  const op = await waitOpEvent("endpoint.disabled", hook.id);
  assert.equal(op.data.reason, "410 Gone from receiver");
  assert.equal(op.data.url, gone.url);
  const row = await endpointRow(hook.id);
  assert.equal(row.status, "disabled");
  assert.equal(row.disabledReason, "410 Gone from receiver");
  assert.equal((await t.api.get(`/api/v1/webhooks/${hook.id}`)).body.status, "disabled");
  const [delivery] = await deliveriesOf(hook.id);
  assert.equal(delivery.eventId, accepted.id);
  assert.equal(delivery.status, "failed", "a 410 is not retried");
  assert.equal(gone.requests.length, 1);

  const mail = await inbox.waitFor((m) => /endpoint disabled/.test(m.subject) && m.text.includes(hook.id));
  assert.deepEqual(mail.to, [owner.email]);
  assert.match(mail.text, /410 Gone from receiver/);

  // Disabled: new events are not fanned out to it.
  const { body: next } = await t.api.post("/api/v1/events", { event: "gone.test", data: {} });
  assert.equal(next.deliveries, 0);
});

test("the circuit opens after 5 failures: deliveries are held, not lost; one probe per period; recovery delivers every held one", async () => {
  // 5 failures open the circuit; request 6 is a failed probe; 7 a slow successful probe.
  const rx = await receiver((n) => (n <= 6 ? 503 : n === 7 ? { status: 200, delayMs: 400 } : 200));
  const { body: hook } = await t.api.post("/api/v1/webhooks", { url: rx.url, events: ["circuit.test"], ...PATIENT });
  const ids: string[] = [];
  const post = async (i: number) => ids.push((await t.api.post("/api/v1/events", { event: "circuit.test", data: { i } })).body.id);
  await Promise.all([1, 2, 3, 4, 5].map(post));
  await rx.waitFor(5);

  const opened = await eventually(async () => (await endpointRow(hook.id)).circuitOpenUntil, 5000, "the circuit to open");
  assert.ok((await endpointRow(hook.id)).consecutiveFailures >= 5);
  // Sent while open: held like the retries.
  await Promise.all([6, 7, 8].map(post));
  await sleep(Math.max(0, opened.getTime() - Date.now() - 150));
  assert.equal(rx.requests.length, 5, "nothing is sent while the circuit is open");
  const held = await deliveriesOf(hook.id);
  assert.equal(held.length, 8);
  assert.ok(held.every((d) => d.status === "pending" || d.status === "sending"), "held deliveries stay pending");

  // The period ends: one probe (fails), the next period another one (succeeds slowly).
  const [, , , , , probe1, probe2] = await rx.waitFor(7, 8000);
  assert.ok(probe2.at - probe1.at >= 800, `probes ${probe2.at - probe1.at} ms apart: one per open period`);
  await sleep(250);
  assert.equal(rx.requests.length, 7, "while a probe is in flight nothing else is sent");

  // Closed: every held delivery goes out, each event succeeds once.
  await eventually(async () => (await deliveriesOf(hook.id)).every((d) => d.status === "succeeded"), 10_000, "all 8 delivered");
  const okIds = rx.requests.slice(6).map((r) => r.headers["webhook-id"]);
  assert.deepEqual([...new Set(okIds)].sort(), [...ids].sort());
  assert.equal(okIds.length, 8, "no duplicates");
  const row = await endpointRow(hook.id);
  assert.equal(row.circuitOpenUntil, null);
  assert.equal(row.failingSince, null);
  assert.equal(row.consecutiveFailures, 0);
  assert.equal(row.status, "active");
});

test("sustained failure disables the endpoint with its deliveries kept; PATCH status active delivers them", async () => {
  let healthy = false;
  const rx = await receiver(() => (healthy ? 200 : 500));
  const { body: hook } = await t.api.post("/api/v1/webhooks", { url: rx.url, events: ["sustained.test"], ...PATIENT });
  const ids = await Promise.all([1, 2, 3, 4, 5].map(async (i) => (await t.api.post("/api/v1/events", { event: "sustained.test", data: { i } })).body.id));

  const op = await waitOpEvent("endpoint.disabled", hook.id, 15_000);
  assert.match(op.data.reason, /every attempt failed for 5 seconds/);
  assert.equal(op.data.pending_deliveries, 5);
  const row = await endpointRow(hook.id);
  assert.equal(row.status, "disabled");
  assert.ok(row.failingSince && Date.now() - row.failingSince.getTime() >= 5000);
  await inbox.waitFor((m) => /endpoint disabled/.test(m.subject) && m.text.includes(hook.id));

  // Disabled: nothing is sent, nothing is dropped.
  const sent = rx.requests.length;
  await sleep(1500);
  assert.equal(rx.requests.length, sent);
  const kept = await deliveriesOf(hook.id);
  assert.equal(kept.length, 5);
  assert.ok(kept.every((d) => d.status === "pending"), "deliveries are kept pending");

  healthy = true;
  const started = Date.now();
  const res = await t.api.patch(`/api/v1/webhooks/${hook.id}`, { status: "active" });
  assert.equal(res.status, 200);
  assert.equal(res.body.status, "active");
  await eventually(async () => (await deliveriesOf(hook.id)).every((d) => d.status === "succeeded"), 10_000, "kept deliveries delivered");
  assert.ok(Date.now() - started < 3000, `resumed in ${Date.now() - started} ms`);
  const delivered = new Set(rx.requests.filter((r) => r.at >= started).map((r) => r.headers["webhook-id"]));
  assert.deepEqual([...delivered].sort(), [...ids].sort());
  assert.ok(await waitOpEvent("endpoint.enabled", hook.id));
  const reset = await endpointRow(hook.id);
  assert.equal(reset.consecutiveFailures, 0);
  assert.equal(reset.failingSince, null);
  assert.equal(reset.circuitOpenUntil, null);
});

test("a user-disabled endpoint keeps a delivery whose retry came due, and sends it as soon as it is enabled", async () => {
  const rx = await receiver((n) => (n === 1 ? 503 : 200));
  const { body: hook } = await t.api.post("/api/v1/webhooks", {
    url: rx.url,
    events: ["paused.test"],
    retry: { preset: "custom", schedule: ["0", "600ms"], jitter: 0 },
  });
  await t.api.post("/api/v1/events", { event: "paused.test", data: {} });
  await rx.waitFor(1);
  assert.equal((await t.api.patch(`/api/v1/webhooks/${hook.id}`, { status: "disabled" })).body.status, "disabled");
  const op = await waitOpEvent("endpoint.disabled", hook.id);
  assert.equal(op.data.reason, "disabled by user");

  await sleep(1500); // the retry came due while disabled: not sent
  assert.equal(rx.requests.length, 1);
  const [d] = await deliveriesOf(hook.id);
  assert.equal(d.status, "pending");

  const started = Date.now();
  await t.api.patch(`/api/v1/webhooks/${hook.id}`, { status: "active" });
  await rx.waitFor(2, 5000);
  // Promptly, not when the reconciler next looks (every second, for deliveries overdue by two).
  assert.ok(rx.requests[1].at - started < 800, `sent ${rx.requests[1].at - started} ms after enabling`);
  await eventually(async () => (await deliveriesOf(hook.id))[0].status === "succeeded", 5000, "delivered");
});

test("a delivery that succeeds after failing emits delivery.recovered", async () => {
  const rx = await receiver((n) => (n === 1 ? 500 : 200));
  const { body: hook } = await t.api.post("/api/v1/webhooks", { url: rx.url, events: ["flaky.test"] });
  const { body: accepted } = await t.api.post("/api/v1/events", { event: "flaky.test", data: {} });
  const op = await waitOpEvent("delivery.recovered", hook.id);
  const [d] = await deliveriesOf(hook.id);
  assert.equal(d.status, "succeeded");
  assert.deepEqual(op.data, {
    delivery_id: d.id,
    event_id: accepted.id,
    event_type: "flaky.test",
    webhook_id: hook.id,
    url: rx.url,
    attempts: 2,
  });
  // A first-time success is not a recovery.
  const ok = await receiver();
  const { body: steady } = await t.api.post("/api/v1/webhooks", { url: ok.url, events: ["steady.test"] });
  await t.api.post("/api/v1/events", { event: "steady.test", data: {} });
  await ok.waitFor(1);
  await sleep(500);
  assert.equal(opEvents("delivery.recovered", steady.id).length, 0);
});
