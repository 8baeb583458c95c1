// Benchmark producer over HTTP, run with `node --import tsx` against the bench
// database while the web server (server.ts) runs at BENCH_BASE_URL: a workspace
// with BENCH_ENDPOINTS webhooks to the loopback receiver and an API key, then
//   1. BENCH_HTTP_EVENTS single events, POST /api/v1/events, BENCH_HTTP_CONCURRENCY
//      requests in flight (authentication, rate limit, validation, storage,
//      enqueue, live feed: everything a producer's request goes through);
//   2. as many again through POST /api/v1/events/batch, BENCH_HTTP_BATCH per request.
// Each event has exactly one delivery. Progress goes to stderr; the last stdout
// line is the JSON summary.
import { Pool } from "undici";
import { createApiKey } from "@/lib/api/api-keys";
import { db } from "@/lib/db";
import { benchEvent, createBenchWorkspace } from "./bench-workspace";

const base = process.env.BENCH_BASE_URL;
const target = process.env.BENCH_RECEIVER_URL;
const endpoints = Number(process.env.BENCH_ENDPOINTS ?? 4);
const events = Number(process.env.BENCH_HTTP_EVENTS ?? 5000);
const concurrency = Number(process.env.BENCH_HTTP_CONCURRENCY ?? 32);
const batchSize = Number(process.env.BENCH_HTTP_BATCH ?? 100);
// Requests before the clock starts. A fresh web process answers about 40% slower
// for its first few thousand requests (V8 tiering up Next.js, Prisma and our
// code); a server that has been up a while is what producers meet.
const WARM_UP_MS = 5000;

async function main() {
  if (!base || !target) throw new Error("BENCH_BASE_URL and BENCH_RECEIVER_URL must be set");
  const workspaceId = await createBenchWorkspace("Benchmark HTTP", endpoints, target);
  const { key } = await createApiKey(workspaceId, "benchmark");
  const http = new Pool(base, { connections: concurrency });
  let seq = 0;
  const event = () => {
    const { type, data } = benchEvent(seq++, endpoints);
    return { event: type, data };
  };
  const post = async (path: string, body: unknown) => {
    const started = performance.now();
    const res = await http.request({
      method: "POST",
      path,
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const text = await res.body.text();
    if (res.statusCode !== 202) throw new Error(`POST ${path}: HTTP ${res.statusCode} ${text.slice(0, 300)}`);
    return performance.now() - started;
  };
  /** `count` requests, `inFlight` at a time; the latency of each. */
  const run = async (count: number, inFlight: number, send: () => Promise<number>) => {
    const latencies: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < count) {
          next++;
          latencies.push(await send());
        }
      }),
    );
    return latencies;
  };

  const warmUntil = performance.now() + WARM_UP_MS;
  let warmUp = 0;
  while (performance.now() < warmUntil) {
    warmUp += (await run(concurrency * 4, concurrency, () => post("/api/v1/events", event()))).length;
    await post("/api/v1/events/batch", { events: Array.from({ length: batchSize }, event) });
  }
  process.stderr.write(`warmed up for ${WARM_UP_MS / 1000} s (${warmUp} requests); sending ${events} single events, ${concurrency} at a time\n`);
  let started = performance.now();
  const singles = await run(events, concurrency, () => post("/api/v1/events", event()));
  const singleSeconds = (performance.now() - started) / 1000;

  const requests = Math.ceil(events / batchSize);
  const batchConcurrency = Math.max(1, Math.min(4, concurrency));
  process.stderr.write(`sending ${requests * batchSize} events in batches of ${batchSize}, ${batchConcurrency} requests at a time\n`);
  started = performance.now();
  const batches = await run(requests, batchConcurrency, () => post("/api/v1/events/batch", { events: Array.from({ length: batchSize }, event) }));
  const batchSeconds = (performance.now() - started) / 1000;
  await http.close();

  console.log(
    JSON.stringify({
      workspace_id: workspaceId,
      deliveries: seq, // one subscribed webhook per event, warm-up included
      single: { events, concurrency, seconds: singleSeconds, per_s: Math.round(events / singleSeconds), latency_ms: percentiles(singles) },
      batch: {
        events: requests * batchSize,
        batch_size: batchSize,
        concurrency: batchConcurrency,
        seconds: batchSeconds,
        per_s: Math.round((requests * batchSize) / batchSeconds),
        latency_ms: percentiles(batches),
      },
    }),
  );
}

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 10) / 10;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

main()
  .then(async () => {
    await db.$disconnect();
    process.exit(0);
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
