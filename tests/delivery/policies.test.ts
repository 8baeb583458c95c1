// Per-endpoint delivery policies against real loopback receivers: retry
// schedules, Retry-After, outcome classes, timeouts, response limits, custom
// headers and payload filters.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { db } from "@/lib/db";
import { eventually } from "../helpers/api";
import { newTenant } from "../helpers/tenant";
import { receiverPool } from "../helpers/receiver";

let t: Awaited<ReturnType<typeof newTenant>>;
const pool = receiverPool();
const closers: Array<() => void> = [];
before(async () => {
  t = await newTenant("Policy tenant");
});
after(async () => {
  await pool.closeAll();
  closers.forEach((c) => c());
  await db.$disconnect();
});

const receiver = pool.start;

/** A webhook for one unique event type, so tests never see each other's deliveries. */
let seq = 0;
async function hook(url: string, extra: Record<string, unknown> = {}) {
  const type = `policy.t${++seq}`;
  const res = await t.api.post("/api/v1/webhooks", { url, events: [type], ...extra });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return { hook: res.body, type };
}

async function send(type: string, data: Record<string, unknown> = {}) {
  const res = await t.api.post("/api/v1/events", { event: type, data });
  assert.equal(res.status, 202);
  return res.body;
}

async function settled(eventId: string, timeoutMs = 15_000) {
  return eventually(
    async () => {
      const d = await db.delivery.findFirst({ where: { eventId }, include: { attempts: { orderBy: { number: "asc" } } } });
      return d && ["succeeded", "failed", "skipped"].includes(d.status) ? d : null;
    },
    timeoutMs,
    `delivery of ${eventId} to finish`,
  );
}

test("a custom retry schedule sets the number of attempts", async () => {
  const rx = await receiver(() => 500);
  const { type } = await hook(rx.url, { retry: { preset: "custom", schedule: ["0", "100ms"], jitter: 0 } });
  const d = await settled((await send(type)).id);
  assert.equal(d.status, "failed");
  assert.equal(d.attempts.length, 2);
});

test("Retry-After (seconds) is honoured over a shorter schedule", async () => {
  const rx = await receiver((n) => (n === 1 ? { status: 429, headers: { "retry-after": "2" } } : 200));
  const { type } = await hook(rx.url, { retry: { preset: "custom", schedule: ["0", "100ms"], jitter: 0 } });
  const { id } = await send(type);
  const [first, second] = await rx.waitFor(2, 10_000);
  assert.ok(second.at - first.at >= 1900, `waited ${second.at - first.at} ms`);
  assert.equal((await settled(id)).status, "succeeded");
});

test("3xx is a failure and the redirect is not followed", async () => {
  const target = await receiver(() => 200);
  const rx = await receiver(() => ({ status: 302, headers: { location: target.url } }));
  const { type } = await hook(rx.url, { retry: { preset: "custom", schedule: ["0", "100ms"], jitter: 0 } });
  const d = await settled((await send(type)).id);
  assert.equal(d.status, "failed");
  assert.deepEqual(d.attempts.map((a) => a.responseStatus), [302, 302]);
  assert.equal(target.requests.length, 0);
});

test("408 and 425 are retried; other 4xx are permanent", async () => {
  for (const [status, attempts] of [[408, 2], [425, 2], [401, 1], [404, 1], [422, 1]] as const) {
    const rx = await receiver(() => status);
    const { type } = await hook(rx.url, { retry: { preset: "custom", schedule: ["0", "100ms"], jitter: 0 } });
    const d = await settled((await send(type)).id);
    assert.equal(d.status, "failed");
    assert.equal(d.attempts.length, attempts, `HTTP ${status}`);
  }
});

test("a slow receiver hits the endpoint's timeout and is retried", async () => {
  const rx = await receiver((n) => (n === 1 ? { status: 200, delayMs: 3000 } : 200));
  const { type } = await hook(rx.url, { timeout_sec: 1, retry: { preset: "custom", schedule: ["0", "100ms"], jitter: 0 } });
  const d = await settled((await send(type)).id);
  assert.equal(d.status, "succeeded");
  assert.match(d.attempts[0].error ?? "", /timeout/);
  assert.ok(d.attempts[0].durationMs < 2500, `first attempt took ${d.attempts[0].durationMs} ms`);
});

test("a huge or endless response is cut at 64 KB and does not stall the worker", async () => {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    const chunk = "x".repeat(16 * 1024);
    const timer = setInterval(() => res.write(chunk), 1); // never ends
    res.on("close", () => clearInterval(timer));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  closers.push(() => {
    server.closeAllConnections();
    server.close();
  });
  const { type } = await hook(`http://127.0.0.1:${(server.address() as AddressInfo).port}/endless`);
  const d = await settled((await send(type)).id, 10_000);
  assert.equal(d.status, "succeeded");
  assert.equal(d.attempts[0].responseBody?.length, 64 * 1024);
});

test("custom headers are sent; protected headers cannot be set", async () => {
  const rx = await receiver();
  const { type } = await hook(rx.url, { custom_headers: { "X-API-Key": "your-api-key", "X-Environment": "production" } });
  await send(type);
  const [req] = await rx.waitFor(1);
  assert.equal(req.headers["x-api-key"], "your-api-key");
  assert.equal(req.headers["x-environment"], "production");
  for (const name of ["Content-Type", "Host", "webhook-signature", "X-Webhook-Signature", "webhook-id"]) {
    const res = await t.api.post("/api/v1/webhooks", { url: rx.url, events: ["*"], custom_headers: { [name]: "x" } });
    assert.equal(res.status, 422, name);
    assert.ok(res.body.error.details.some((e: any) => e.path.startsWith("custom_headers")), name);
  }
});

test("payload filters in Pixel Patrol's shorthand route only matching events", async () => {
  const rx = await receiver();
  const { hook: h, type } = await hook(rx.url, { filter: { status: ["rejected", "flagged"], confidence: { ">=": 0.8 } } });
  assert.deepEqual(h.filter, { status: ["rejected", "flagged"], confidence: { ">=": 0.8 } });
  const miss1 = await send(type, { status: "approved", confidence: 0.9 });
  const miss2 = await send(type, { status: "flagged", confidence: 0.5 });
  const hit = await send(type, { status: "flagged", confidence: 0.95 });
  assert.equal(miss1.deliveries, 0);
  assert.equal(miss2.deliveries, 0);
  assert.equal(hit.deliveries, 1);
  const [req] = await rx.waitFor(1);
  assert.equal(JSON.parse(req.body).id, hit.id);
});

test("MongoDB-style filters with $and / $or / $exists / $nin", async () => {
  const rx = await receiver();
  const { type } = await hook(rx.url, {
    filter: { $or: [{ profile_id: { $in: [42, 43] } }, { urgency: "high" }], takedown_id: { $exists: true }, platform: { $nin: ["bing"] } },
  });
  assert.equal((await send(type, { profile_id: 42, takedown_id: "td_1", platform: "google" })).deliveries, 1);
  assert.equal((await send(type, { profile_id: 7, urgency: "high", takedown_id: "td_2" })).deliveries, 1);
  assert.equal((await send(type, { profile_id: 42, platform: "google" })).deliveries, 0);
  assert.equal((await send(type, { profile_id: 42, takedown_id: "td_3", platform: "bing" })).deliveries, 0);
});

test("invalid filters are rejected at save time with a clear message", async () => {
  const bad = await t.api.post("/api/v1/webhooks", { url: "https://example.com/h", events: ["*"], filter: { score: { $regex: "x" } } });
  assert.equal(bad.status, 422);
  assert.match(bad.body.error.message, /unsupported operator "\$regex"/);
  const badIn = await t.api.post("/api/v1/webhooks", { url: "https://example.com/h", events: ["*"], filter: { a: { $in: 3 } } });
  assert.equal(badIn.status, 422);
  assert.match(badIn.body.error.message, /\$in takes a list/);
});

test("PATCH changes one policy field and keeps the others; null removes one", async () => {
  const { hook: h } = await hook("https://example.com/patch", { timeout_sec: 5, custom_headers: { "X-A": "1" } });
  const patched = await t.api.patch(`/api/v1/webhooks/${h.id}`, { timeout_sec: 9 });
  assert.equal(patched.body.timeout_sec, 9);
  assert.deepEqual(patched.body.custom_headers, { "X-A": "***" }, "kept (and masked)");
  const cleared = await t.api.patch(`/api/v1/webhooks/${h.id}`, { custom_headers: null });
  assert.equal(cleared.body.custom_headers, undefined);
  assert.equal(cleared.body.timeout_sec, 9);
});

test("DNS failures are recorded and retried", async () => {
  const { hook: h, type } = await hook("http://127.0.0.1:9/placeholder", { retry: { preset: "custom", schedule: ["0", "100ms"], jitter: 0 } });
  // A name that cannot resolve (RFC 6761 reserves .invalid); set directly, as saving checks only literals.
  await db.endpoint.update({ where: { id: h.id }, data: { url: "http://no-such-host.invalid/hook" } });
  const d = await settled((await send(type)).id);
  assert.equal(d.status, "failed");
  assert.equal(d.attempts.length, 2, "retried");
  assert.match(d.attempts[0].error ?? "", /ENOTFOUND|EAI_AGAIN/);
});

test("TLS errors are recorded and retried", async () => {
  const rx = await receiver();
  // https:// to a plain-http receiver: the TLS handshake fails.
  const { type } = await hook(rx.url.replace("http://", "https://"), { retry: { preset: "custom", schedule: ["0", "100ms"], jitter: 0 } });
  const d = await settled((await send(type)).id);
  assert.equal(d.status, "failed");
  assert.equal(d.attempts.length, 2, "retried");
  assert.equal(d.attempts[0].responseStatus, null);
  assert.match(d.attempts[0].error ?? "", /SSL|TLS|EPROTO|wrong version/i);
});
