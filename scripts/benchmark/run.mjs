#!/usr/bin/env node
// `npm run bench`: HookRelay's delivery throughput on this machine, next to the
// reference measurements of ../shared/bench run in the same run, reported as
// ratios (absolute figures drift between runs and machines; ratios much less).
//
//   1. backlog: BENCH_EVENTS events (~1 KB) are ingested through lib/events
//      (batches of 500), then the real worker process(es) drain them to a
//      loopback receiver: deliveries/s, comparable to the DIY peer, which also
//      pre-queues its jobs;
//   2. live: the worker is already running while events arrive at a steady
//      BENCH_RATE (500/s, 20 s): end-to-end latency (event stored → attempt
//      recorded) at a load the machine can carry.
// Each scenario checks that every event reached the receiver exactly once.
//
// Env: BENCH_EVENTS (20000), BENCH_WORKERS (worker processes, 1), BENCH_NODE_ARGS,
// WORKER_CONCURRENCY (the worker's default), BENCH_SKIP_REFERENCES=1,
// BENCH_REFERENCES (the reference folder, ../shared/bench).
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, totalmem } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { ROOT, checkNode, ensureDependencies, generatePrismaClient, prepareServices } from "../lib/prepare.mjs";
import { launch, runCommand, step, stopAll } from "../lib/run.mjs";
import { runReferences } from "./references.mjs";
import { startReceiver } from "./receiver-process.mjs";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const LIVE_RATE = Number(process.env.BENCH_RATE ?? 500);
const LIVE_EVENTS = Math.min(EVENTS, LIVE_RATE * 20);
const DRAIN_TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_SEC ?? 600) * 1000;

async function main() {
  checkNode();
  await ensureDependencies();
  const env = {
    ...process.env,
    NODE_ENV: "production",
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    QUEUE_PREFIX: `hookrelay-bench-${randomBytes(4).toString("hex")}`,
    ALLOWED_DESTINATION_CIDRS: "127.0.0.0/8",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    DEMO_RECEIVER: "off",
  };
  delete env.SMTP_URL;
  Object.assign(env, await prepareServices(env, process.env.BENCH_DATABASE_NAME ?? "hookrelay_bench", { fresh: true }));
  await generatePrismaClient(env);

  const receiver = await startReceiver(join(ROOT, "scripts/benchmark/receiver.mjs"));
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL.replace(/\?.*$/, ""), max: 2 });
  const results = { machine: machine(), events: EVENTS, workers: WORKERS, scenarios: {}, references: {} };
  try {
    step(`backlog: ingesting ${EVENTS} events, then draining them with ${WORKERS} worker process(es)…`);
    results.scenarios.backlog = await backlog(env, pool, receiver);
    await resetData(pool, receiver);
    step(`live: ${WORKERS} worker process(es) running while ${LIVE_EVENTS} events arrive at ${LIVE_RATE}/s…`);
    results.scenarios.live = await live(env, pool, receiver);
  } finally {
    await receiver.stop();
    await pool.end();
  }

  if (process.env.BENCH_SKIP_REFERENCES === "1") step("references skipped (BENCH_SKIP_REFERENCES=1)");
  else results.references = await runReferences({ databaseUrl: env.DATABASE_URL.replace(/\?.*$/, ""), redisUrl: env.REDIS_URL });

  report(results);
  mkdirSync(join(ROOT, "bench-results"), { recursive: true });
  writeFileSync(join(ROOT, "bench-results", "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  step("full results: bench-results/latest.json");
}

/** Events first, then the worker: how fast a queue of deliveries drains. */
async function backlog(env, pool, receiver) {
  const seeded = await seedAndIngest(env, receiver);
  const workers = startWorkers(env);
  const started = performance.now();
  try {
    await waitForDeliveries(pool, seeded.deliveries, started);
    const wall = (performance.now() - started) / 1000;
    const span = await attemptSpan(pool);
    const check = await receiver.stats();
    return {
      deliveries: seeded.deliveries,
      ingest_per_s: Math.round(seeded.events / seeded.ingest_seconds),
      // From the worker's spawn (tsx start-up included) to the last success.
      wall_seconds: round(wall),
      deliveries_per_s_wall: Math.round(seeded.deliveries / wall),
      // First to last recorded attempt: the drain rate without process start-up.
      deliveries_per_s: Math.round(seeded.deliveries / span.seconds),
      attempt_ms: await attemptDurations(pool),
      receiver: check,
      exactly_once: check.unique === seeded.deliveries && check.duplicates === 0,
    };
  } finally {
    await stopAll(workers);
  }
}

/** Worker first, then events: end-to-end rate and latency. */
async function live(env, pool, receiver) {
  const workers = startWorkers(env);
  try {
    await new Promise((r) => setTimeout(r, 4000)); // let the worker connect before the clock starts
    const started = performance.now();
    const seeded = await seedAndIngest(env, receiver, { events: LIVE_EVENTS, rate: LIVE_RATE });
    await waitForDeliveries(pool, seeded.deliveries, started);
    const wall = (performance.now() - started) / 1000;
    const check = await receiver.stats();
    return {
      deliveries: seeded.deliveries,
      ingest_per_s: Math.round(seeded.events / seeded.ingest_seconds),
      offered_per_s: LIVE_RATE,
      ingest_seconds: round(seeded.ingest_seconds),
      // First ingest call to last success, tsx start-up of the ingest process included.
      wall_seconds: round(wall),
      latency_ms: await endToEndLatency(pool),
      receiver: check,
      exactly_once: check.unique === seeded.deliveries && check.duplicates === 0,
    };
  } finally {
    await stopAll(workers);
  }
}

async function seedAndIngest(env, receiver, { events = EVENTS, rate = 0 } = {}) {
  const output = await runCommand("ingest", process.execPath, ["--import", "tsx", "scripts/benchmark/seed-and-ingest.ts"], {
    cwd: ROOT,
    env: { ...env, BENCH_EVENTS: String(events), BENCH_RATE: String(rate), BENCH_RECEIVER_URL: receiver.url },
    timeoutMs: DRAIN_TIMEOUT_MS,
  });
  const line = output.trim().split("\n").findLast((l) => l.startsWith("{"));
  return JSON.parse(line);
}

// BENCH_NODE_ARGS adds flags to the worker's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
const startWorkers = (env) =>
  Array.from({ length: WORKERS }, (_, i) =>
    launch(WORKERS > 1 ? `worker${i + 1}` : "worker", process.execPath, [...NODE_ARGS, "--import", "tsx", "workers/delivery-worker.ts"], { cwd: ROOT, env }),
  );

async function waitForDeliveries(pool, total, started) {
  let lastReport = 0;
  for (;;) {
    const { rows } = await pool.query(`SELECT status, count(*)::int AS n FROM "Delivery" GROUP BY status`);
    const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    const done = by.succeeded ?? 0;
    if (done >= total) return;
    if ((by.failed ?? 0) > 0) throw new Error(`${by.failed} deliveries failed; the receiver answers 200, so something is wrong (see the worker's log above)`);
    const elapsed = performance.now() - started;
    if (elapsed > DRAIN_TIMEOUT_MS) throw new Error(`only ${done} of ${total} deliveries succeeded after ${Math.round(elapsed / 1000)} s`);
    if (elapsed - lastReport > 5000) {
      lastReport = elapsed;
      step(`  ${done} / ${total} delivered (${Math.round(elapsed / 1000)} s)`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function attemptSpan(pool) {
  const { rows } = await pool.query(`SELECT extract(epoch FROM max("createdAt") - min("createdAt"))::float8 AS s FROM "Attempt"`);
  return { seconds: Math.max(rows[0].s, 0.001) };
}

async function attemptDurations(pool) {
  const { rows } = await pool.query(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY "durationMs")::float8 AS p50,
            percentile_cont(0.95) WITHIN GROUP (ORDER BY "durationMs")::float8 AS p95 FROM "Attempt"`,
  );
  return { p50: round(rows[0].p50), p95: round(rows[0].p95) };
}

async function endToEndLatency(pool) {
  const { rows } = await pool.query(
    `SELECT percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM a."createdAt" - e."createdAt") * 1000)::float8[] AS p
       FROM "Attempt" a JOIN "Delivery" d ON d.id = a."deliveryId" JOIN "Event" e ON e.id = d."eventId" WHERE a.number = 1`,
  );
  const [p50, p95, p99] = rows[0].p;
  return { p50: round(p50), p95: round(p95), p99: round(p99) };
}

async function resetData(pool, receiver) {
  await pool.query(`TRUNCATE "Attempt", "Delivery", "Event", "Endpoint" CASCADE`);
  await receiver.reset();
}

function report(r) {
  const b = r.scenarios.backlog;
  const l = r.scenarios.live;
  const refs = r.references;
  const lines = [
    "",
    `HookRelay benchmark — ${r.events} events of ~1 KB, ${r.workers} worker process(es), ${r.machine.cpus} CPUs, Node ${r.machine.node}`,
    "",
    `  backlog drain     ${b.deliveries_per_s} deliveries/s (first to last attempt); ${b.deliveries_per_s_wall}/s including worker start-up`,
    `                    attempt round trip p50 ${b.attempt_ms.p50} ms, p95 ${b.attempt_ms.p95} ms; exactly once: ${b.exactly_once ? "yes" : `NO ${JSON.stringify(b.receiver)}`}`,
    `  ingest            ${b.ingest_per_s} events/s (lib/events batches of 500, one endpoint)`,
    `  live              ${l.offered_per_s} events/s for ${l.ingest_seconds} s: end-to-end latency p50 ${l.latency_ms.p50} ms, p95 ${l.latency_ms.p95} ms, p99 ${l.latency_ms.p99} ms; exactly once: ${l.exactly_once ? "yes" : "NO"}`,
    "",
    "  references (same machine, same run):",
  ];
  const ratio = (ours, theirs) => (theirs ? `${(ours / theirs).toFixed(2)}×` : "n/a");
  const row = (label, fig, unit, ours) =>
    fig?.value
      ? `    ${label.padEnd(48)} ${String(fig.value).padStart(7)} ${unit.padEnd(13)} ours ÷ it: ${ratio(ours, fig.value)}${fig.note ? `  (${fig.note})` : ""}`
      : `    ${label.padEnd(48)} unavailable: ${fig?.error ?? "skipped"}`;
  lines.push(row("DIY peer (BullMQ + fetch + INSERT per attempt)", refs.diy, "deliveries/s", b.deliveries_per_s));
  lines.push(row("L1 raw undici POST rate", refs.post, "requests/s", b.deliveries_per_s));
  lines.push(row("L2 raw BullMQ no-op processing", refs.bullmq, "jobs/s", b.deliveries_per_s));
  lines.push(row("L3 raw PostgreSQL multi-row INSERT", refs.pg, "rows/s", b.deliveries_per_s));
  lines.push("");
  console.log(lines.join("\n"));
}

const round = (x) => (x === null || x === undefined ? null : Math.round(x * 10) / 10);
const machine = () => ({ cpus: availableParallelism(), memory_gib: Math.round(totalmem() / 2 ** 30), node: process.versions.node, at: new Date().toISOString() });

main().catch((err) => {
  console.error(`\nnpm run bench failed: ${err.message}`);
  process.exit(1);
});
