// Test-send, logs, stats and enable/disable for one webhook, over HTTP.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { Webhook } from "standardwebhooks";
import { db } from "@/lib/db";
import { eventually } from "../helpers/api";
import { newTenant } from "../helpers/tenant";
import { receiverPool } from "../helpers/receiver";

let t: Awaited<ReturnType<typeof newTenant>>;
let other: Awaited<ReturnType<typeof newTenant>>;
const pool = receiverPool();
before(async () => {
  t = await newTenant("Tools tenant");
  other = await newTenant("Tools outsider");
});
after(async () => {
  await pool.closeAll();
  await db.$disconnect();
});

const receiver = pool.start;

test("test-send delivers the AI Social Media Platform's webhook.test synchronously and returns the attempt", async () => {
  const rx = await receiver(() => ({ status: 200, body: "pong" }));
  const { body: hook } = await t.api.post("/api/v1/webhooks", { url: rx.url, events: ["scan.completed"] });
  const res = await t.api.post(`/api/v1/webhooks/${hook.id}/test`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.success, true);
  assert.equal(res.body.response.status, 200);
  assert.equal(res.body.response.body, "pong");
  assert.ok(res.body.duration_ms >= 0);
  assert.equal(rx.requests.length, 1, "sent before the API answered");
  const sent = new Webhook(hook.secret).verify(rx.requests[0].body, rx.requests[0].headers as Record<string, string>) as any;
  assert.equal(sent.event, "webhook.test");
  assert.deepEqual(sent.data, { message: "This is a test webhook event" });
  const attempt = await db.attempt.findUniqueOrThrow({ where: { id: res.body.attempt_id } });
  assert.equal(attempt.trigger, "test");
});

test("test-send with a chosen event type and payload; a failing receiver is reported, not retried", async () => {
  const rx = await receiver(() => ({ status: 500, body: "boom" }));
  const { body: hook } = await t.api.post("/api/v1/webhooks", { url: rx.url, events: ["*"] });
  const res = await t.api.post(`/api/v1/webhooks/${hook.id}/test`, { event_type: "infringement.detected", data: { confidence_score: 0.95 } });
  assert.equal(res.status, 200);
  assert.equal(res.body.success, false);
  assert.equal(res.body.response.status, 500);
  assert.equal(JSON.parse(res.body.request.body).event, "infringement.detected");
  await new Promise((r) => setTimeout(r, 600));
  assert.equal(rx.requests.length, 1, "a test is never retried");
});

test("test-send to another workspace's webhook is 404", async () => {
  const { body: hook } = await t.api.post("/api/v1/webhooks", { url: "https://example.com/h", events: ["*"] });
  assert.equal((await other.api.post(`/api/v1/webhooks/${hook.id}/test`)).status, 404);
  assert.equal((await other.api.get(`/api/v1/webhooks/${hook.id}/logs`)).status, 404);
  assert.equal((await other.api.get(`/api/v1/webhooks/${hook.id}/stats`)).status, 404);
  assert.equal((await other.api.post(`/api/v1/webhooks/${hook.id}/disable`)).status, 404);
});

test("logs list every attempt newest first; stats summarise them", async () => {
  const rx = await receiver((n) => (n % 2 === 0 ? 500 : 200));
  const { body: hook } = await t.api.post("/api/v1/webhooks", {
    url: rx.url,
    events: ["tools.stat"],
    retry: { preset: "custom", schedule: ["0"] },
  });
  for (let i = 0; i < 4; i++) await t.api.post("/api/v1/events", { event: "tools.stat", data: { i } });
  await rx.waitFor(4);
  // The receiver has answered; the attempts are recorded a moment later.
  await eventually(async () => (await t.api.get(`/api/v1/webhooks/${hook.id}/logs?limit=10`)).body.data?.length === 4, 10_000, "4 logged attempts");
  const logs = await t.api.get(`/api/v1/webhooks/${hook.id}/logs?limit=3`);
  assert.equal(logs.body.data.length, 3);
  assert.ok(logs.body.next_cursor);
  assert.ok(logs.body.data[0].created_at >= logs.body.data[1].created_at);
  assert.equal(logs.body.data[0].webhook_id, hook.id);
  assert.ok("response_body" in logs.body.data[0] && "duration_ms" in logs.body.data[0]);
  const rest = await t.api.get(`/api/v1/webhooks/${hook.id}/logs?limit=3&cursor=${encodeURIComponent(logs.body.next_cursor)}`);
  assert.equal(rest.body.data.length, 1);

  const stats = await t.api.get(`/api/v1/webhooks/${hook.id}/stats`);
  assert.equal(stats.status, 200);
  assert.equal(stats.body.attempts, 4);
  assert.equal(stats.body.successful, 2);
  assert.equal(stats.body.success_rate, 50);
  assert.equal(stats.body.error_rate, 50);
  assert.equal(typeof stats.body.p95_latency_ms, "number");
  assert.ok(stats.body.p95_latency_ms >= stats.body.avg_latency_ms / 2);
  assert.equal(stats.body.queue_depth, 0);

  // The chart series: the whole window in equal buckets, summing to the totals above.
  assert.equal(stats.body.bucket_seconds, 900);
  assert.ok(stats.body.series.length >= 96 && stats.body.series.length <= 97, `${stats.body.series.length} buckets`);
  const sum = (k: "attempts" | "successful" | "failed") => stats.body.series.reduce((n: number, b: Record<string, number>) => n + b[k], 0);
  assert.deepEqual([sum("attempts"), sum("successful"), sum("failed")], [4, 2, 2]);
  const starts = stats.body.series.map((b: { start: string }) => Date.parse(b.start));
  assert.ok(starts.every((x: number, i: number) => i === 0 || x - starts[i - 1] === 900_000), "consecutive 15-minute buckets");
  const busy = stats.body.series.filter((b: { attempts: number }) => b.attempts > 0);
  assert.ok(busy.every((b: { success_rate: number; p95_latency_ms: number }) => typeof b.p95_latency_ms === "number" && b.success_rate >= 0));
  assert.ok(stats.body.series.filter((b: { attempts: number }) => b.attempts === 0).every((b: { success_rate: null; avg_latency_ms: null }) => b.success_rate === null && b.avg_latency_ms === null));

  const hour = await t.api.get(`/api/v1/webhooks/${hook.id}/stats?window_hours=1`);
  assert.equal(hour.body.bucket_seconds, 60);
  assert.equal(hour.body.series.reduce((n: number, b: { attempts: number }) => n + b.attempts, 0), 4);
  const bad = await t.api.get(`/api/v1/webhooks/${hook.id}/stats?window_hours=0`);
  assert.equal(bad.status, 422);
  assert.match(JSON.stringify(bad.body.error), /window_hours/);
});

test("disable and enable", async () => {
  const { body: hook } = await t.api.post("/api/v1/webhooks", { url: "https://example.com/x", events: ["*"] });
  const off = await t.api.post(`/api/v1/webhooks/${hook.id}/disable`);
  assert.equal(off.body.status, "disabled");
  const on = await t.api.post(`/api/v1/webhooks/${hook.id}/enable`);
  assert.equal(on.body.status, "active");
});

test("test-send with only an event type sends that type's catalog example", async () => {
  const rx = await receiver();
  const { body: hook } = await t.api.post("/api/v1/webhooks", { url: rx.url, events: ["*"] });
  const res = await t.api.post(`/api/v1/webhooks/${hook.id}/test`, { event_type: "scan.completed" });
  assert.equal(res.status, 200);
  const sent = JSON.parse(rx.requests[0].body);
  assert.equal(sent.event, "scan.completed");
  assert.equal(sent.data.job_id, "scan_12345abc", "the Content Protection Platform's example payload");
});
