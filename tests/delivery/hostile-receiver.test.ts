// Receivers that answer badly on purpose, each beside a well-behaved receiver
// of another tenant delivering at the same moment (so their attempts share the
// worker's batched writes). For every case: one request per attempt (nothing
// re-sent because recording failed), the attempt stored with the right outcome,
// its excerpt readable through the API, and the other tenant unaffected.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import type { Socket } from "node:net";
import { db } from "@/lib/db";
import { eventually } from "../helpers/api";
import { newTenant } from "../helpers/tenant";
import { receiverPool } from "../helpers/receiver";
import { rawResponse, startRawReceiver, type RawAnswer, type RawReceiver } from "../helpers/raw-receiver";

let hostile: Awaited<ReturnType<typeof newTenant>>;
let bystander: Awaited<ReturnType<typeof newTenant>>;
const pool = receiverPool();
const raws: RawReceiver[] = [];
before(async () => {
  [hostile, bystander] = await Promise.all([newTenant("Hostile receiver tenant"), newTenant("Bystander tenant")]);
});
after(async () => {
  await pool.closeAll();
  await Promise.all(raws.map((r) => r.close()));
  await db.$disconnect();
});

const TWO_ATTEMPTS = { retry: { preset: "custom", schedule: ["0", "100ms"], jitter: 0 } };
const BYSTANDER_EVENTS = 6;

let seq = 0;
async function hookFor(tenant: typeof hostile, url: string, extra: Record<string, unknown> = {}) {
  const type = `hostile.t${++seq}`;
  const res = await tenant.api.post("/api/v1/webhooks", { url, events: [type], ...extra });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return type;
}

async function settled(eventId: string, timeoutMs = 30_000) {
  return eventually(
    async () => {
      const d = await db.delivery.findFirst({ where: { eventId }, include: { attempts: { orderBy: { number: "asc" } } } });
      return d && (d.status === "succeeded" || d.status === "failed") ? d : null;
    },
    timeoutMs,
    `delivery of ${eventId} to finish`,
  );
}

/**
 * Sends one event to a receiver answering with `answer`, and at the same
 * moment a few events of another tenant to a healthy receiver; waits for all
 * to finish and checks what every hostile case must guarantee.
 */
async function deliverAgainst(answer: RawAnswer, extra: Record<string, unknown> = {}) {
  const rx = await startRawReceiver(answer);
  raws.push(rx);
  const healthy = await pool.start(() => 200);
  const [hostileType, healthyType] = await Promise.all([hookFor(hostile, rx.url, extra), hookFor(bystander, healthy.url)]);

  const [sent, ...others] = await Promise.all([
    hostile.api.post("/api/v1/events", { event: hostileType, data: { n: 0 } }),
    ...Array.from({ length: BYSTANDER_EVENTS }, (_, i) => bystander.api.post("/api/v1/events", { event: healthyType, data: { n: i } })),
  ]);
  for (const r of [sent, ...others]) assert.equal(r.status, 202, JSON.stringify(r.body));

  const delivery = await settled(sent.body.id);
  // Anything re-sent by a failed job would arrive within its backoff; give it the time.
  await new Promise((r) => setTimeout(r, 1500));

  assert.equal(rx.requests.length, delivery.attempts.length, "one request per recorded attempt");
  assert.ok(rx.requests.every((r) => r.webhookId === sent.body.id));
  assert.deepEqual(
    delivery.attempts.map((a) => a.number),
    delivery.attempts.map((_, i) => i + 1),
    "each attempt recorded once",
  );

  for (const o of others) {
    const d = await settled(o.body.id);
    assert.equal(d.status, "succeeded", `bystander ${o.body.id}: ${d.lastError}`);
    assert.equal(d.attempts.length, 1);
    assert.equal(d.attempts[0].responseBody, "status 200");
  }
  const ids = healthy.requests.map((r) => r.headers["webhook-id"]);
  assert.equal(ids.length, BYSTANDER_EVENTS, `bystander received ${ids.length} requests for ${BYSTANDER_EVENTS} events`);
  assert.equal(new Set(ids).size, BYSTANDER_EVENTS);

  const res = await hostile.api.get(`/api/v1/deliveries/${delivery.id}/attempts`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const attempts = [...res.body.data].reverse(); // the API lists newest first
  assert.equal(attempts.length, delivery.attempts.length);
  return { delivery, attempts, rx };
}

const ok = (headerLines: Buffer[], body: Buffer | string) =>
  ((socket: Socket) => socket.end(rawResponse("200 OK", headerLines, Buffer.from(body)))) satisfies RawAnswer;

test("NUL in the response body: stored as U+FFFD, the delivery succeeds, nothing is re-sent", async () => {
  const { delivery, attempts } = await deliverAgainst(ok([Buffer.from("content-type: text/plain")], "ok\u0000done\u0000"));
  assert.equal(delivery.status, "succeeded", delivery.lastError ?? "");
  assert.equal(delivery.lastError, null);
  assert.equal(attempts.length, 1);
  assert.equal(attempts[0].response.status, 200);
  assert.equal(attempts[0].response.body, "ok\uFFFDdone\uFFFD");
  assert.equal(attempts[0].response.error, null);
});

test("invalid UTF-8 in the response body: stored with U+FFFD for the bad bytes", async () => {
  const body = Buffer.concat([Buffer.from("caf"), Buffer.from([0xc3]), Buffer.from(" "), Buffer.from([0xff, 0xfe]), Buffer.from(" \u00e9")]);
  const { delivery, attempts } = await deliverAgainst(ok([], body));
  assert.equal(delivery.status, "succeeded", delivery.lastError ?? "");
  assert.equal(attempts[0].response.body, "caf\uFFFD \uFFFD\uFFFD \u00e9");
});

test("invalid UTF-8 bytes in a response header value: stored, readable, the delivery succeeds", async () => {
  const header = Buffer.concat([Buffer.from("x-odd: a"), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from("b")]);
  const { delivery, attempts } = await deliverAgainst(ok([header], "fine"));
  assert.equal(delivery.status, "succeeded", delivery.lastError ?? "");
  const value = attempts[0].response.headers["x-odd"] as string;
  assert.match(value, /^a.+b$/);
  assert.equal(attempts[0].response.body, "fine");
});

test("NUL in a response header value or name: a protocol error, retried, each attempt sent once", async () => {
  for (const header of [Buffer.from("x-nul: a\u0000b"), Buffer.from("x-\u0000nul: v")]) {
    const { delivery, attempts } = await deliverAgainst(ok([header], "ok"), TWO_ATTEMPTS);
    assert.equal(delivery.status, "failed");
    assert.equal(attempts.length, 2);
    for (const a of attempts) {
      assert.equal(a.response.status, null);
      assert.match(a.response.error, /does not match the HTTP\/1\.1 protocol/);
      assert.ok(!a.response.error.includes("\u0000"));
    }
    assert.ok(!delivery.lastError?.includes("\u0000"));
  }
});

test("a receiver that never answers hits the timeout and is retried", async () => {
  const { delivery, attempts } = await deliverAgainst(() => {}, { timeout_sec: 1, ...TWO_ATTEMPTS });
  assert.equal(delivery.status, "failed");
  for (const a of attempts) {
    assert.match(a.response.error, /^timeout/);
    assert.ok(a.response.duration_ms < 2500, `took ${a.response.duration_ms} ms`);
  }
});

test("a connection reset is a network error and is retried", async () => {
  const { delivery, attempts } = await deliverAgainst((socket) => socket.resetAndDestroy(), TWO_ATTEMPTS);
  assert.equal(delivery.status, "failed");
  assert.equal(attempts.length, 2);
  for (const a of attempts) {
    assert.equal(a.response.status, null);
    assert.ok(a.response.error, "the error is recorded");
  }
});

test("a response trickling one byte at a time is cut by the timeout", async () => {
  const trickle: RawAnswer = (socket) => {
    socket.write("HTTP/1.1 200 OK\r\ncontent-length: 100000\r\n\r\n");
    const timer = setInterval(() => socket.write("x"), 100);
    socket.on("close", () => clearInterval(timer));
  };
  const { delivery, attempts } = await deliverAgainst(trickle, { timeout_sec: 1, ...TWO_ATTEMPTS });
  assert.equal(delivery.status, "failed");
  for (const a of attempts) {
    assert.match(a.response.error, /^timeout/);
    assert.ok(a.response.duration_ms < 2500, `took ${a.response.duration_ms} ms`);
  }
});

test("an endless response is cut at 64 KB and the delivery succeeds", async () => {
  const endless: RawAnswer = (socket) => {
    socket.write("HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\n\r\n"); // no length: until the connection closes
    const chunk = "y".repeat(16 * 1024);
    const timer = setInterval(() => socket.writable && socket.write(chunk), 1);
    socket.on("close", () => clearInterval(timer));
  };
  const { delivery, attempts } = await deliverAgainst(endless);
  assert.equal(delivery.status, "succeeded", delivery.lastError ?? "");
  assert.equal(attempts[0].response.body.length, 64 * 1024);
});

test("a redirect is a failure and is not followed", async () => {
  const target = await pool.start(() => 200);
  const { delivery, attempts } = await deliverAgainst(
    (socket) => socket.end(rawResponse("302 Found", [Buffer.from(`location: ${target.url}`)], Buffer.from(""))),
    TWO_ATTEMPTS,
  );
  assert.equal(delivery.status, "failed");
  assert.deepEqual(attempts.map((a) => a.response.status), [302, 302]);
  assert.equal(target.requests.length, 0);
});

test("a test-send to a receiver answering NUL stores the attempt and answers 200, once", async () => {
  const rx = await startRawReceiver(ok([Buffer.from("content-type: text/plain")], "test\u0000reply"));
  raws.push(rx);
  const created = await hostile.api.post("/api/v1/webhooks", { url: rx.url, events: ["*"] });
  assert.equal(created.status, 201);
  const res = await hostile.api.post(`/api/v1/webhooks/${created.body.id}/test`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.success, true);
  assert.equal(rx.requests.length, 1);
  const attempts = await hostile.api.get(`/api/v1/deliveries/${res.body.delivery_id}/attempts`);
  assert.equal(attempts.status, 200);
  assert.equal(attempts.body.data.length, 1);
  assert.equal(attempts.body.data[0].response.body, "test\uFFFDreply");
});
