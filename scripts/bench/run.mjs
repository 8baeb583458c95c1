#!/usr/bin/env node
// `npm run bench`: HookRelay's end-to-end delivery throughput on this machine,
// reported as ratios to the reference measurements of ../shared/bench, which
// run in the same run (absolute figures drift between runs and machines).
//
// It prepares PostgreSQL and Redis like `npm test` (scripts/lib), in its own
// database `hookrelay_bench` (dropped and recreated) and its own random Redis
// key prefix, so it can run beside `npm start` and `npm test`. Then:
//   1. ours (scenario.mjs): the real workers/delivery-worker.ts process(es) run
//      while BENCH_EVENTS events (~1 KB) are ingested through lib/events as fast
//      as possible; measured from the first ingest until every delivery is
//      `succeeded`, and checked exactly-once at a counting loopback receiver;
//   2. the paced run (scenario.mjs): BENCH_RATE events per second (500) for
//      BENCH_RATE_SEC (10), with workers started again: latency at a steady load;
//   3. the HTTP run (http-scenario.mjs): BENCH_HTTP_EVENTS (5000) events through
//      POST /api/v1/events (BENCH_HTTP_CONCURRENCY in flight, 32) and as many
//      through /api/v1/events/batch (BENCH_HTTP_BATCH per request, 100), with the
//      web server on the production build; BENCH_HTTP_EVENTS=0 skips it;
//   4. the references (references.mjs), unless BENCH_SKIP_REFERENCES=1;
//   5. a table on stdout, and everything as JSON in bench-results/latest.json.
//
// Env: BENCH_EVENTS (20000), BENCH_WORKERS (worker processes, 1), BENCH_ENDPOINTS (4),
// BENCH_RATE (0 skips the paced run), BENCH_RATE_SEC, BENCH_SKIP_REFERENCES=1, BENCH_TIMEOUT_SEC (600), BENCH_NODE_ARGS (extra node flags
// for the workers, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"), and the worker's own
// WORKER_CONCURRENCY / DATABASE_POOL_SIZE; DATABASE_URL / REDIS_URL choose the servers
// (the database name in DATABASE_URL is replaced by hookrelay_bench).
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, totalmem } from "node:os";
import { join } from "node:path";
import { ROOT, checkNode, ensureDependencies, generatePrismaClient, prepareServices } from "../lib/prepare.mjs";
import { step } from "../lib/run.mjs";
import { startReceiver } from "./receiver-process.mjs";

const DATABASE = "hookrelay_bench";

function intEnv(name, fallback, min, max) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < min || v > max) throw new Error(`${name}=${raw}: expected a whole number from ${min} to ${max}`);
  return v;
}

async function main() {
  const settings = {
    events: intEnv("BENCH_EVENTS", 20_000, 1, 10_000_000),
    workers: intEnv("BENCH_WORKERS", 1, 1, 64),
    endpoints: intEnv("BENCH_ENDPOINTS", 4, 1, 1000),
    timeoutMs: intEnv("BENCH_TIMEOUT_SEC", 600, 10, 86_400) * 1000,
    nodeArgs: (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean),
    skipReferences: process.env.BENCH_SKIP_REFERENCES === "1",
    pacedRate: intEnv("BENCH_RATE", 500, 0, 1_000_000),
    pacedSeconds: intEnv("BENCH_RATE_SEC", 10, 2, 3600),
    httpEvents: intEnv("BENCH_HTTP_EVENTS", 5000, 0, 1_000_000),
    httpConcurrency: intEnv("BENCH_HTTP_CONCURRENCY", 32, 1, 1000),
    httpBatch: intEnv("BENCH_HTTP_BATCH", 100, 1, 1000),
  };
  checkNode();
  await ensureDependencies();
  // Imported only now: on a fresh checkout node_modules does not exist before ensureDependencies.
  const { default: pg } = await import("pg");
  const { runOurs, runPaced } = await import("./scenario.mjs");
  const { runHttp } = await import("./http-scenario.mjs");
  const { runReferences } = await import("./references.mjs");
  const { formatReport } = await import("./report.mjs");

  const env = {
    ...process.env,
    NODE_ENV: "production",
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    // Own BullMQ keys: a test run or `npm start` on the same Redis never sees these jobs.
    QUEUE_PREFIX: `hookrelay-bench-${randomBytes(4).toString("hex")}`,
    // The SSRF guard lets exactly the loopback receiver through (plain http included).
    ALLOWED_DESTINATION_CIDRS: "127.0.0.1/32",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  };
  delete env.SMTP_URL;
  // Never the dev or test database, whatever DATABASE_URL names.
  if (env.DATABASE_URL) {
    const u = new URL(env.DATABASE_URL);
    u.pathname = `/${DATABASE}`;
    env.DATABASE_URL = u.toString();
  }
  step(`preparing PostgreSQL and Redis (database ${DATABASE}, Redis prefix ${env.QUEUE_PREFIX})…`);
  Object.assign(env, await prepareServices(env, DATABASE, { fresh: true }));
  await generatePrismaClient(env);

  const results = {
    machine: {
      cpus: availableParallelism(),
      cpu_model: cpus()[0]?.model ?? null,
      memory_gib: Math.round(totalmem() / 2 ** 30),
      node: process.versions.node,
      at: new Date().toISOString(),
    },
    config: {
      events: settings.events,
      workers: settings.workers,
      endpoints: settings.endpoints,
      worker_concurrency: Number(env.WORKER_CONCURRENCY ?? 500),
      database_pool_size: Number(env.DATABASE_POOL_SIZE ?? 10),
      node_args: settings.nodeArgs,
    },
    ours: null,
    references: null,
  };

  const sqlUrl = env.DATABASE_URL.replace(/\?.*$/, "");
  const receiver = await startReceiver();
  const pool = new pg.Pool({ connectionString: sqlUrl, max: 2 });
  try {
    results.ours = await runOurs({ env, pool, receiver, ...settings });
    if (settings.pacedRate > 0) {
      results.ours.paced = await runPaced({ env, pool, receiver, ...settings, rate: settings.pacedRate, seconds: settings.pacedSeconds, already: results.ours.deliveries });
    }
    if (settings.httpEvents > 0) {
      const { httpEvents: events, httpConcurrency: concurrency, httpBatch: batchSize } = settings;
      results.ours.http = await runHttp({ env, pool, receiver, ...settings, events, concurrency, batchSize });
    }
  } finally {
    await receiver.stop();
    await pool.end();
    await dropQueueKeys(env.REDIS_URL, env.QUEUE_PREFIX);
  }
  const exactlyOnce = results.ours.exactly_once && (results.ours.paced?.exactly_once ?? true) && (results.ours.http?.exactly_once ?? true);
  step(`ours: ${results.ours.deliveries_per_s} deliveries/s end to end; exactly once: ${exactlyOnce ? "yes" : "NO"}`);

  if (settings.skipReferences) step("references skipped (BENCH_SKIP_REFERENCES=1)");
  else results.references = await runReferences({ databaseUrl: sqlUrl, redisUrl: env.REDIS_URL });
  results.ratios = ratios(results);

  console.log(formatReport(results));
  mkdirSync(join(ROOT, "bench-results"), { recursive: true });
  writeFileSync(join(ROOT, "bench-results", "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  step("full results: bench-results/latest.json");
  if (!exactlyOnce) {
    console.error("npm run bench: some deliveries did not arrive exactly once (see the receiver counts above)");
    process.exitCode = 1;
  }
}

function ratios(r) {
  const ours = r.ours.deliveries_per_s;
  const refs = r.references ?? {};
  const div = (a, b) => (a && b ? Math.round((a / b) * 1000) / 1000 : null);
  return {
    ours_over_diy_peer: div(ours, refs.diy?.value),
    ours_over_l1_post: div(ours, refs.l1?.value),
    http_single_over_l1_post: div(r.ours.http?.single.per_s, refs.l1?.value),
    ours_over_l2_bullmq_processing: div(ours, refs.l2?.value),
    ours_over_l3_pg_insert: div(ours, refs.l3?.value),
    attempt_writes_over_l3_pg_insert: div(r.ours.attempt_writes.per_s, refs.l3?.value),
    after_ingest_over_diy_peer: div(r.ours.deliveries_per_s_after_ingest, refs.diy?.value),
  };
}

/** The run's BullMQ keys (its queues and their jobs) are removed afterwards. */
async function dropQueueKeys(url, prefix) {
  const { Redis } = await import("ioredis");
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== "0");
  } catch (err) {
    step(`could not remove the Redis keys under ${prefix}: ${err.message}`);
  } finally {
    redis.disconnect();
  }
}

main().catch((err) => {
  console.error(`\nnpm run bench failed: ${err.message}`);
  process.exit(1);
});
