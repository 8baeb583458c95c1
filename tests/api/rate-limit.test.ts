// API rate limits per key and per IP: RateLimit-* headers on every answer, 429
// with Retry-After once a budget is spent. Budgets are used up directly in
// Redis through the same limiter, so the test needs no thousands of requests.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { findApiKey } from "@/lib/api/api-keys";
import { consumeApiRate, resetApiRate } from "@/lib/api/api-rate-limit";
import { config } from "@/lib/config";
import { producerRedis } from "@/lib/redis";
import { newTenant } from "../helpers/tenant";

let t: Awaited<ReturnType<typeof newTenant>>;
let other: Awaited<ReturnType<typeof newTenant>>;
before(async () => {
  t = await newTenant("Rate tenant");
  other = await newTenant("Rate other");
});
after(async () => {
  producerRedis().disconnect();
  await db.$disconnect();
});

test("every answer carries RateLimit-* headers", async () => {
  const res = await t.api.get("/api/v1/webhooks");
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("ratelimit-limit"), String(config().API_RATE_LIMIT_PER_MIN));
  const remaining = Number(res.headers.get("ratelimit-remaining"));
  assert.ok(remaining >= 0 && remaining < config().API_RATE_LIMIT_PER_MIN);
  assert.ok(Number(res.headers.get("ratelimit-reset")) <= 60);
});

test("a key past its budget gets 429 with Retry-After; other keys are unaffected", async () => {
  const { keyId } = (await findApiKey(t.key))!;
  await consumeApiRate("principal", `key:${keyId}`, config().API_RATE_LIMIT_PER_MIN);
  const res = await t.api.post("/api/v1/events", { event: "a.b", data: {} });
  assert.equal(res.status, 429);
  assert.equal(res.body.error.code, "rate_limited");
  assert.match(res.body.error.message, /per minute/);
  const retryAfter = Number(res.headers.get("retry-after"));
  assert.ok(retryAfter >= 1 && retryAfter <= 60);
  assert.equal(res.headers.get("ratelimit-remaining"), "0");
  assert.equal((await other.api.get("/api/v1/webhooks")).status, 200);
  await resetApiRate("principal", `key:${keyId}`);
  assert.equal((await t.api.get("/api/v1/webhooks")).status, 200);
});

test("an IP past its budget gets 429 even without credentials", async () => {
  // Loopback may reach the server in any of these forms.
  const candidates = ["127.0.0.1", "::ffff:127.0.0.1", "::1"];
  for (const ip of candidates) await consumeApiRate("ip", ip, config().API_RATE_LIMIT_PER_IP_PER_MIN);
  try {
    const res = await fetch(`${process.env.TEST_BASE_URL}/api/v1/webhooks`);
    assert.equal(res.status, 429);
    assert.ok(res.headers.get("retry-after"));
    assert.match(((await res.json()) as any).error.message, /this IP address/);
  } finally {
    for (const ip of candidates) await resetApiRate("ip", ip);
  }
  assert.equal((await t.api.get("/api/v1/webhooks")).status, 200);
});
