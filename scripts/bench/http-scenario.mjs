// The HTTP run: what a producer sees. The web server (server.ts on the production
// build that `npm test` uses, NEXT_DIST_DIR .next-test, rebuilt only when the app
// changed) and freshly started workers run; http-ingest.ts sends events through
// POST /api/v1/events and /api/v1/events/batch with an API key; the run ends when
// every one of them is delivered, and checks each arrived exactly once.
import { join } from "node:path";
import { ROOT, buildApp } from "../lib/prepare.mjs";
import { freePort, launch, runCommand, step, stopAll, waitForHttp } from "../lib/run.mjs";
import { receivedSince } from "./receiver-process.mjs";
import { launchWorkers, waitForWorkers } from "./scenario.mjs";

const HTTP_DIST_DIR = ".next-test";

export async function runHttp({ env, pool, receiver, endpoints, workers: workerCount, nodeArgs, timeoutMs, events, concurrency, batchSize }) {
  // The earlier runs' deliveries, all succeeded by now, in the same database.
  const already = (await pool.query(`SELECT count(*)::int AS n FROM "Delivery"`)).rows[0].n;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const webEnv = {
    ...env,
    NEXT_DIST_DIR: HTTP_DIST_DIR,
    PORT: String(port),
    HOST: "127.0.0.1",
    APP_URL: base,
    // The per-key and per-address limits (6,000 and 12,000 a minute by default) would be what is measured.
    API_RATE_LIMIT_PER_MIN: "100000000",
    API_RATE_LIMIT_PER_IP_PER_MIN: "100000000",
  };
  await buildApp(webEnv);
  const web = launch("web", process.execPath, ["--import", "tsx", "server.ts"], { cwd: ROOT, env: webEnv });
  const workers = launchWorkers(env, workerCount, nodeArgs);
  try {
    await waitForHttp(`${base}/api/health`, { timeoutMs: 90_000, child: web });
    await waitForWorkers(env, workers);
    step(`http: ${events} events as single POSTs (${concurrency} in flight), then as many in batches of ${batchSize}, through ${base}…`);
    const before = await receiver.stats();
    const output = await runCommand("bench", process.execPath, ["--import", "tsx", join("scripts", "bench", "http-ingest.ts")], {
      cwd: ROOT,
      env: {
        ...env,
        BENCH_BASE_URL: base,
        BENCH_RECEIVER_URL: receiver.url,
        BENCH_ENDPOINTS: String(endpoints),
        BENCH_HTTP_EVENTS: String(events),
        BENCH_HTTP_CONCURRENCY: String(concurrency),
        BENCH_HTTP_BATCH: String(batchSize),
      },
      quiet: true,
      timeoutMs,
    });
    const summary = JSON.parse(output.trim().split("\n").findLast((l) => l.startsWith("{")));
    await untilSucceeded(pool, already + summary.deliveries, [web, ...workers], timeoutMs);
    const { workspace_id: _, ...figures } = summary;
    return { ...figures, ...(await receivedSince(receiver, before, summary.deliveries)) };
  } finally {
    await stopAll([web, ...workers], 20_000);
  }
}

async function untilSucceeded(pool, target, processes, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query(`SELECT count(*) FILTER (WHERE status = 'succeeded')::int AS ok, count(*) FILTER (WHERE status = 'failed')::int AS failed FROM "Delivery"`);
    if (rows[0].failed > 0) throw new Error(`${rows[0].failed} deliveries failed; the receiver answers 200, so something is wrong — see the output above`);
    if (rows[0].ok >= target) return;
    const dead = processes.find((p) => p.exitCode !== null || p.signalCode !== null);
    if (dead) throw new Error(`a web or worker process exited (${dead.signalCode ?? `code ${dead.exitCode}`}) during the HTTP run`);
    if (Date.now() > deadline) throw new Error(`only ${rows[0].ok} of ${target} deliveries succeeded in time (BENCH_TIMEOUT_SEC)`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
