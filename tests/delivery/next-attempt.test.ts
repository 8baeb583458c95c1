import { test } from "node:test";
import assert from "node:assert/strict";
import { MAX_RETRY_AFTER_MS, nextStep, parseRetryAfter, scheduleFor } from "@/lib/delivery/next-attempt";
import type { SendResult } from "@/lib/delivery/http-sender";

const result = (status: number | null, headers: Record<string, string> = {}): SendResult => ({
  status,
  headers,
  body: "",
  error: status === null ? "ECONNREFUSED" : null,
  durationMs: 1,
});
const noJitter = () => 0.5; // 2·0.5 − 1 = 0: no jitter
const policy = { retry: { preset: "custom" as const, schedule: ["0", "10s", "1m"], jitter: 0.2 } };

test("Retry-After as seconds and as an HTTP date", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  assert.equal(parseRetryAfter("120", now), 120_000);
  assert.equal(parseRetryAfter("Thu, 01 Jan 2026 00:05:00 GMT", now), 300_000);
  assert.equal(parseRetryAfter("Wed, 31 Dec 2025 23:00:00 GMT", now), 0, "a date in the past means now");
  assert.equal(parseRetryAfter("soon", now), null);
  assert.equal(parseRetryAfter(undefined, now), null);
});

test("Retry-After lengthens the wait, never shortens it, and is capped at 24 h", () => {
  assert.equal(nextStep(result(503, { "retry-after": "60" }), policy, 1, Date.now(), noJitter).delayMs, 60_000);
  assert.equal(nextStep(result(503, { "retry-after": "1" }), policy, 1, Date.now(), noJitter).delayMs, 10_000);
  assert.equal(nextStep(result(429, { "retry-after": String(3 * 86_400) }), policy, 1, Date.now(), noJitter).delayMs, MAX_RETRY_AFTER_MS);
});

test("jitter stays within ±jitter of the scheduled delay", () => {
  assert.equal(nextStep(result(500), policy, 1, Date.now(), () => 0).delayMs, 8_000);
  assert.equal(nextStep(result(500), policy, 1, Date.now(), () => 1).delayMs, 12_000);
});

test("the schedule's end fails the delivery; permanent failures stop at once", () => {
  assert.deepEqual(nextStep(result(500), policy, 3, Date.now(), noJitter), { outcome: "retry", status: "failed", delayMs: null });
  assert.equal(nextStep(result(404), policy, 1, Date.now(), noJitter).status, "failed");
  assert.equal(nextStep(result(200), policy, 1, Date.now(), noJitter).status, "succeeded");
  assert.equal(nextStep(result(null), policy, 1, Date.now(), noJitter).status, "pending");
});

test("named retry presets", () => {
  assert.deepEqual(scheduleFor({ retry: { preset: "quick-exponential", jitter: 0 } }), [0, 1000, 2000, 4000]);
  assert.deepEqual(scheduleFor({ retry: { preset: "gentle-6h", jitter: 0 } }), [0, 60_000, 300_000, 900_000, 3_600_000, 21_600_000]);
  assert.deepEqual(scheduleFor({ retry: { preset: "moderate-2h", jitter: 0 } }), [0, 60_000, 300_000, 1_800_000, 7_200_000]);
  assert.equal(scheduleFor({ retry: { preset: "standard", jitter: 0 } }).length, 8);
});
