// Our end-to-end run: the real delivery worker process(es) are started first and
// register with BullMQ; then ingest.ts stores BENCH_EVENTS events through
// lib/events as fast as it can while the workers deliver them to the counting
// receiver. The clock runs from the first ingest call to the last delivery
// being recorded `succeeded` in PostgreSQL (polled; the end time is read from
// the rows themselves, so the polling interval does not blur it).
// Then (runPaced), with workers started again, the paced run: events arrive at a steady
// `pacedRate` per second for `pacedSeconds`, for the latency at a load the
// machine carries (a backlog's latency is mostly its queueing).
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { ROOT } from "../lib/prepare.mjs";
import { launch, step, stopAll } from "../lib/run.mjs";
import { startCpuSampler } from "./cpu.mjs";
import { receivedSince } from "./receiver-process.mjs";

const POLL_MS = 250;
// The paced run's first second is left out of its latency: freshly started
// workers are still compiling and opening connections (p95 ~400 ms, then ~40 ms).
const WARM_UP_SEC = 1;
const PROGRESS_MS = 2000;

export async function runOurs({ env, pool, receiver, events, endpoints, workers: workerCount, timeoutMs, nodeArgs }) {
  const workers = launchWorkers(env, workerCount, nodeArgs);
  let ingest = null;
  let result;
  let before;
  try {
    await waitForWorkers(env, workers);
    step(`${workerCount} worker process(es) ready; ingesting ${events} events of ~1 KB for ${endpoints} webhook(s) while they deliver…`);
    before = await databaseCounters(pool);
    const cpu = startCpuSampler(() => ({ worker: workers.map((w) => w.pid), receiver: [receiver.pid] }));
    ingest = startIngest(env, { events, endpoints, receiverUrl: receiver.url });
    const progress = await pollUntilDelivered(pool, ingest, workers, events, timeoutMs);
    const cpuReport = cpu.stop();
    const summary = await ingest.done;
    const db = await figures(pool);
    const check = await receiver.stats();
    const wallSeconds = (db.last_succeeded_at - summary.first_ingest_at) / 1000;
    const afterIngest = progress.succeededAtIngestDone;
    result = {
      events: summary.events,
      endpoints: summary.endpoints,
      deliveries: summary.deliveries,
      wall_seconds: round(wallSeconds, 2),
      deliveries_per_s: Math.round(summary.deliveries / wallSeconds),
      ingest: {
        events_per_s: Math.round(summary.events / summary.ingest_seconds),
        seconds: round(summary.ingest_seconds, 2),
        batch_size: summary.batch_size,
        cpu_seconds: round(summary.cpu_seconds, 1),
      },
      delivered_while_ingesting: afterIngest,
      // Deliveries left when ingest finished, over the time they took: the workers' rate once they have the machine.
      deliveries_per_s_after_ingest:
        summary.deliveries - afterIngest > 500 ? Math.round((summary.deliveries - afterIngest) / ((db.last_succeeded_at - summary.ingest_done_at) / 1000)) : null,
      attempt_writes: db.attempt_writes,
      latency_ms: db.latency_ms,
      attempt_round_trip_ms: db.round_trip_ms,
      database: { attempts: db.attempts, attempts_not_first: db.attempts_not_first, failed: db.failed },
      receiver: check,
      exactly_once:
        check.requests === summary.deliveries && check.unique === summary.deliveries && check.duplicates === 0 && db.attempts === summary.deliveries,
      cpu: cpuReport,
    };
  } finally {
    if (ingest && !ingest.state.finished) ingest.child.kill("SIGKILL");
    await stopAll(workers, 20_000);
  }
  // After the workers have stopped: backends report their statistics when they finish.
  result.postgres = await databaseDelta(pool, before, result.deliveries);
  return result;
}

/**
 * The paced run, after runOurs in the same database (`already`: its deliveries),
 * with freshly started workers: `rate` events per second for `seconds`.
 */
export async function runPaced({ env, pool, receiver, endpoints, workers: workerCount, nodeArgs, rate, seconds, timeoutMs, already }) {
  const workers = launchWorkers(env, workerCount, nodeArgs);
  try {
    await waitForWorkers(env, workers);
    const events = Math.round(rate * seconds);
    step(`paced: ${n(events)} events at ${n(rate)}/s for ${seconds} s while the worker(s) deliver…`);
    const before = await receiver.stats();
    const ingest = startIngest(env, { events, endpoints, receiverUrl: receiver.url, rate, workspaceName: "Benchmark paced" });
    try {
      await pollUntilDelivered(pool, ingest, workers, events, timeoutMs, already);
    } finally {
      if (!ingest.state.finished) ingest.child.kill("SIGKILL");
    }
    return await pacedFigures(pool, receiver, before, await ingest.done, rate, seconds);
  } finally {
    await stopAll(workers, 20_000);
  }
}

async function pacedFigures(pool, receiver, before, summary, rate, seconds) {
  return {
    rate,
    seconds,
    warm_up_seconds_excluded: WARM_UP_SEC,
    events: summary.events,
    achieved_rate: Math.round(summary.events / summary.ingest_seconds),
    latency_ms: await deliveryLatency(pool, { workspaceId: summary.workspace_id, skipFirstSec: WARM_UP_SEC }),
    ...(await receivedSince(receiver, before, summary.deliveries)),
  };
}

/**
 * Event stored → delivery succeeded, in ms: of every delivery, or of one
 * workspace's leaving out those of events stored in its first `skipFirstSec`.
 */
async function deliveryLatency(pool, { workspaceId = null, skipFirstSec = 0 } = {}) {
  const { rows } = await pool.query(
    `SELECT percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY ms)::float8[] AS p, max(ms)::float8 AS max
       FROM (SELECT extract(epoch FROM d."updatedAt" - e."createdAt") * 1000 AS ms
               FROM "Delivery" d JOIN "Event" e ON e.id = d."eventId"
              WHERE d.status = 'succeeded'
                AND ($1::text IS NULL OR (d."workspaceId" = $1
                     AND e."createdAt" >= (SELECT min("createdAt") FROM "Event" WHERE "workspaceId" = $1) + make_interval(secs => $2)))) x`,
    [workspaceId, skipFirstSec],
  );
  const lat = rows[0];
  return { p50: round(lat.p[0]), p95: round(lat.p[1]), p99: round(lat.p[2]), max: round(lat.max) };
}

/**
 * PostgreSQL's own counters, read before the run and after the workers have
 * stopped (backends report their statistics when they finish): commits,
 * row writes, WAL, and how many Delivery updates were HOT (no index writes).
 * pg_stat_wal covers the whole server, so anything else running adds to it.
 */
async function databaseCounters(pool) {
  // pg_stat_wal needs PostgreSQL 14; without it these figures are left out.
  const { rows } = await pool.query(`
    SELECT d.xact_commit::float8 AS commits, d.tup_inserted::float8 AS inserted, d.tup_updated::float8 AS updated,
           w.wal_records::float8 AS wal_records, w.wal_bytes::float8 AS wal_bytes, w.wal_sync::float8 AS wal_syncs,
           t.n_tup_upd::float8 AS delivery_updates, t.n_tup_hot_upd::float8 AS delivery_hot_updates
      FROM pg_stat_database d, pg_stat_wal w, pg_stat_user_tables t
     WHERE d.datname = current_database() AND t.relname = 'Delivery'`).catch(() => ({ rows: [] }));
  return rows[0] ?? null;
}

async function databaseDelta(pool, before, deliveries) {
  await sleep(600); // the stats of just-closed backends reach shared memory
  const after = await databaseCounters(pool);
  if (!before || !after) return null;
  const per = (k) => Math.round(((after[k] - before[k]) / deliveries) * 100) / 100;
  return {
    commits_per_delivery: per("commits"),
    rows_inserted_per_delivery: per("inserted"),
    rows_updated_per_delivery: per("updated"),
    wal_bytes_per_delivery: Math.round((after.wal_bytes - before.wal_bytes) / deliveries),
    wal_syncs: after.wal_syncs - before.wal_syncs,
    delivery_updates_hot_pct: after.delivery_updates > before.delivery_updates
      ? Math.round((100 * (after.delivery_hot_updates - before.delivery_hot_updates)) / (after.delivery_updates - before.delivery_updates))
      : null,
  };
}

export function launchWorkers(env, count, nodeArgs) {
  return Array.from({ length: count }, (_, i) =>
    launch(count > 1 ? `worker${i + 1}` : "worker", process.execPath, [...nodeArgs, "--import", "tsx", "workers/delivery-worker.ts"], { cwd: ROOT, env }),
  );
}

/** BullMQ lists the workers connected to the first-attempt queue; wait until all of ours are. */
export async function waitForWorkers(env, workers) {
  const connection = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue("deliveries", { connection, prefix: env.QUEUE_PREFIX });
  const deadline = Date.now() + 90_000;
  try {
    for (;;) {
      const dead = workers.find((w) => w.exitCode !== null || w.signalCode !== null);
      if (dead) throw new Error(`a worker process exited (${dead.signalCode ?? `code ${dead.exitCode}`}) while starting; see its output above`);
      if ((await queue.getWorkersCount()) >= workers.length) return;
      if (Date.now() > deadline) throw new Error(`the worker process(es) did not connect to Redis within 90 s`);
      await sleep(200);
    }
  } finally {
    await queue.close();
    await connection.quit();
  }
}

function startIngest(env, { events, endpoints, receiverUrl, rate = 0, workspaceName = "Benchmark" }) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench/ingest.ts"], {
    cwd: ROOT,
    env: {
      ...env,
      BENCH_EVENTS: String(events),
      BENCH_ENDPOINTS: String(endpoints),
      BENCH_RECEIVER_URL: receiverUrl,
      BENCH_RATE: String(rate),
      BENCH_WORKSPACE_NAME: workspaceName,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c) => (stdout += c));
  const state = { started: false, finished: false, summary: null, error: null, ingested: 0 };
  createInterface({ input: child.stderr }).on("line", (line) => {
    stderr += `${line}\n`;
    if (line === "ingest started") state.started = true;
    const m = /^ingested (\d+)/.exec(line);
    if (m) state.ingested = Number(m[1]);
  });
  const done = new Promise((resolve, reject) => {
    child.on("exit", (code, signal) => {
      state.finished = true;
      const line = stdout.trim().split("\n").findLast((l) => l.startsWith("{"));
      if (code === 0 && line) {
        state.summary = JSON.parse(line);
        resolve(state.summary);
      } else {
        state.error = new Error(`the ingest process failed (${signal ?? `exit ${code}`}):\n${stderr.trim().split("\n").slice(-15).join("\n")}`);
        reject(state.error);
      }
    });
  });
  done.catch(() => {}); // surfaced by the poll loop
  return { child, state, done, pid: child.pid };
}

/** Until `already` + this ingest's deliveries have succeeded (`already`: those of an earlier run in the same database). */
async function pollUntilDelivered(pool, ingest, workers, expected, timeoutMs, already = 0) {
  const started = performance.now();
  let lastReport = started;
  let lastDone = 0;
  let succeededAtIngestDone = null;
  for (;;) {
    const { rows } = await pool.query(
      `SELECT count(*) FILTER (WHERE status = 'succeeded')::int AS ok,
              count(*) FILTER (WHERE status = 'failed')::int AS failed,
              count(*)::int AS total FROM "Delivery"`,
    );
    const { ok, failed, total } = rows[0];
    if (ingest.state.error) throw ingest.state.error;
    if (ingest.state.finished && succeededAtIngestDone === null) succeededAtIngestDone = ok;
    if (failed > 0) {
      const { rows: why } = await pool.query(`SELECT "lastError", "lastStatus" FROM "Delivery" WHERE status = 'failed' LIMIT 1`);
      throw new Error(`${failed} deliveries failed (e.g. ${JSON.stringify(why[0])}); the receiver answers 200, so something is wrong — see the worker output above`);
    }
    const dead = workers.find((w) => w.exitCode !== null || w.signalCode !== null);
    if (dead) throw new Error(`a worker process exited (${dead.signalCode ?? `code ${dead.exitCode}`}) during the run`);
    const target = already + (ingest.state.summary?.deliveries ?? expected);
    if (ingest.state.finished && ok >= target) return { succeededAtIngestDone };
    const now = performance.now();
    if (now - started > timeoutMs) throw new Error(`only ${ok} of ${target} deliveries succeeded after ${Math.round((now - started) / 1000)} s (BENCH_TIMEOUT_SEC)`);
    if (now - lastReport >= PROGRESS_MS) {
      const rate = Math.round((ok - lastDone) / ((now - lastReport) / 1000));
      step(
        `  ${((now - started) / 1000).toFixed(0).padStart(3)} s: ${ingest.state.started ? `ingested ${ingest.state.finished ? target : ingest.state.ingested}` : "ingest starting"} · ` +
          `${ok} delivered (${rate}/s) · ${total - ok} waiting or in flight`,
      );
      lastReport = now;
      lastDone = ok;
    }
    await sleep(POLL_MS);
  }
}

/** Everything else is read back from the rows once the run is over. */
async function figures(pool) {
  const one = async (sql) => (await pool.query(sql)).rows[0];
  const d = await one(`
    SELECT (extract(epoch FROM max("updatedAt")) * 1000)::float8 AS last_ms,
           (extract(epoch FROM min("updatedAt")) * 1000)::float8 AS first_ms,
           count(DISTINCT "updatedAt")::int AS commits,
           count(*) FILTER (WHERE status = 'failed')::int AS failed
      FROM "Delivery" WHERE status IN ('succeeded', 'failed')`);
  const a = await one(`
    SELECT count(*)::int AS n, count(*) FILTER (WHERE number <> 1)::int AS not_first,
           percentile_cont(ARRAY[0.5, 0.95]) WITHIN GROUP (ORDER BY "durationMs")::float8[] AS p
      FROM "Attempt"`);
  const spanSeconds = Math.max((d.last_ms - d.first_ms) / 1000, 0.001);
  return {
    last_succeeded_at: d.last_ms,
    failed: d.failed,
    attempts: a.n,
    attempts_not_first: a.not_first,
    attempt_writes: {
      // Each recorder flush is one transaction; its rows share now(), so distinct
      // updatedAt values count the flushes (two in the same millisecond count once).
      per_s: Math.round(a.n / spanSeconds),
      span_seconds: round(spanSeconds, 2),
      transactions: d.commits,
      rows_per_transaction: round(a.n / Math.max(d.commits, 1), 1),
    },
    latency_ms: await deliveryLatency(pool),
    round_trip_ms: { p50: round(a.p[0]), p95: round(a.p[1]) },
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const n = (x) => Number(x).toLocaleString("en-US");
const round = (x, digits = 0) => (x == null ? null : Math.round(x * 10 ** digits) / 10 ** digits);
