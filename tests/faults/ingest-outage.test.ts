// Ingest during an outage (issue 11): PostgreSQL down → 503 with Retry-After
// (nothing accepted, so nothing lost); Redis down → 202 in the normal time (the
// event is safe in PostgreSQL) and delivered once Redis is back; the web
// server's Redis clients report the outage in the log, never as ioredis's
// "Unhandled error event" or socket.io's "missing 'error' handler". A private
// PostgreSQL and Redis, never the machine's.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { eventually } from "../helpers/api";
import { startReceiver, type Receiver } from "../helpers/receiver";
import { PrivateServices, type AppProcess, type PrivatePostgres, type PrivateRedis } from "../helpers/private-services";

const services = new PrivateServices();
const PREFIX = "hookrelay-ingest-outage";
let pg: PrivatePostgres;
let redis: PrivateRedis;
let web: AppProcess;
let rx: Receiver;
let key: string;
let db: typeof import("@/lib/db").db;

before(async () => {
  [pg, redis] = await Promise.all([services.postgres(), services.redis()]);
  Object.assign(process.env, { DATABASE_URL: pg.url, REDIS_URL: redis.url, QUEUE_PREFIX: PREFIX }); // before lib/ loads
  ({ db } = await import("@/lib/db"));
  const ws = await (await import("@/lib/workspaces/service")).createWorkspace("Outage");
  ({ key } = await (await import("@/lib/api/api-keys")).createApiKey(ws.id, "outage key"));
  rx = await startReceiver(() => 200);
  await (await import("@/lib/webhooks/service")).createWebhook(ws.id, { url: rx.url, events: ["outage.test"] });
  web = services.app("web", { DATABASE_URL: pg.url, REDIS_URL: redis.url, QUEUE_PREFIX: PREFIX });
  const worker = services.app("worker", { DATABASE_URL: pg.url, REDIS_URL: redis.url, QUEUE_PREFIX: PREFIX, RECONCILE_INTERVAL_MS: "1000" });
  await Promise.all([web.ready(), worker.ready()]);
});

after(async () => {
  await rx?.close();
  await db?.$disconnect().catch(() => {});
  await services.cleanup();
});

async function ingest(i: number) {
  const started = Date.now();
  const res = await fetch(`${web.baseUrl}/api/v1/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ type: "outage.test", data: { i } }),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: res.status, headers: res.headers, body: await res.json(), ms: Date.now() - started };
}

test("PostgreSQL down: ingest answers 503 service_unavailable with Retry-After, and works again once it is back", { timeout: 90_000 }, async () => {
  assert.equal((await ingest(0)).status, 202);
  await pg.stop();
  try {
    const res = await ingest(1);
    assert.equal(res.status, 503, JSON.stringify(res.body));
    assert.equal(res.body.error.code, "service_unavailable");
    assert.match(res.headers.get("retry-after") ?? "", /^\d+$/);
  } finally {
    await pg.start();
  }
  await eventually(async () => (await ingest(2)).status === 202, 20_000, "ingest accepted again");
});

test("Redis down: ingest answers 202 in the normal time, and the events are delivered when Redis is back", { timeout: 120_000 }, async () => {
  const before = rx.requests.length;
  await redis.stop();
  const answers = [];
  try {
    for (let i = 100; i < 105; i++) answers.push(await ingest(i));
  } finally {
    await redis.start();
  }
  for (const a of answers) assert.equal(a.status, 202, JSON.stringify(a.body));
  const slowest = Math.max(...answers.map((a) => a.ms));
  assert.ok(slowest < 1500, `ingest with Redis down took up to ${slowest} ms`);
  const back = Date.now();
  await eventually(
    () => Promise.resolve(new Set(rx.requests.slice(before).map((r) => JSON.parse(r.body).data.i).filter((i: number) => i >= 100)).size === 5),
    30_000,
    "the 5 events accepted during the outage delivered",
  );
  console.log(`# Redis down: 5 ingests answered 202 in ≤ ${slowest} ms; delivered ${((Date.now() - back) / 1000).toFixed(1)} s after Redis came back`);
  assert.doesNotMatch(web.output(), /missing 'error' handler|Unhandled error event/);
});
