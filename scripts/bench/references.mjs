// The reference measurements of ../shared/bench (BENCH_REFERENCES to point
// elsewhere), run on this machine in the same run as ours, from a scratch copy
// with its own dependencies (BENCH_REFERENCES_DIR, default /tmp/hookrelay-refbench):
//   L1 post-rate.mjs     raw undici POST rate to a bare receiver
//   L2 bullmq-rate.mjs   raw BullMQ no-op job rate
//   L3 pg-rate.mjs       raw PostgreSQL 100-row multi-INSERT rate
//   peer diy-baseline.mjs  hand-written BullMQ + fetch + one INSERT per attempt sender
// Each result is { value, unit, raw, note? } or { error } when it cannot run here.
import { spawn } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { ROOT } from "../lib/prepare.mjs";
import { freePort, runCommand, step } from "../lib/run.mjs";

const SOURCE = resolve(process.env.BENCH_REFERENCES ?? join(ROOT, "..", "shared", "bench"));
const SCRATCH = resolve(process.env.BENCH_REFERENCES_DIR ?? join(tmpdir(), "hookrelay-refbench"));
const TIMEOUT_MS = 5 * 60_000;

export const REFERENCE_LABELS = {
  diy: "DIY peer (BullMQ job + fetch + INSERT per attempt)",
  l1: "L1 raw undici POST rate (C=32)",
  l2: "L2 raw BullMQ no-op processing (C=50)",
  l3: "L3 raw PostgreSQL 100-row INSERT (4 clients)",
};

export async function runReferences({ databaseUrl, redisUrl }) {
  const unavailable = (error) => Object.fromEntries(Object.keys(REFERENCE_LABELS).map((k) => [k, { error }]));
  if (!existsSync(join(SOURCE, "package.json"))) {
    const error = `no reference scripts at ${SOURCE} (set BENCH_REFERENCES to their folder)`;
    step(`references: ${error}`);
    return unavailable(error);
  }
  step(`references: copying ${SOURCE} to ${SCRATCH}`);
  cpSync(SOURCE, SCRATCH, { recursive: true, filter: (src) => !src.split("/").includes("node_modules") });
  const stale = staleDependencies();
  if (stale.length) {
    step(`references: npm install in the scratch copy (${stale.join(", ")})…`);
    try {
      await runCommand("refs", "npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: SCRATCH, quiet: true, timeoutMs: 10 * 60_000 });
    } catch (err) {
      const error = `npm install failed in ${SCRATCH}: ${err.message}`;
      step(`references: ${error}`);
      return unavailable(error);
    }
  }

  const redis = new URL(redisUrl);
  if (!["127.0.0.1", "localhost"].includes(redis.hostname) || (redis.port || "6379") !== "6379") {
    step(`references: note — bullmq-rate.mjs and diy-baseline.mjs always use Redis at 127.0.0.1:6379, not ${redis.host}`);
  }
  // pg-rate.mjs and diy-baseline.mjs write scratch tables in a database named `test`.
  const testDbUrl = withDatabase(databaseUrl, "test");
  await ensureDatabase(databaseUrl, "test");

  const port = await freePort();
  const receiver = await startTheirReceiver(port);
  const env = { ...process.env, DATABASE_URL: testDbUrl };
  const out = {};
  try {
    out.l1 = await postRate({ ...env, URL: `http://127.0.0.1:${port}` });
    out.l2 = await reference("L2 bullmq-rate.mjs", "bullmq-rate.mjs", env, (j) => j.process_per_s, "jobs/s");
    out.l3 = await reference("L3 pg-rate.mjs", "pg-rate.mjs", env, (j) => j.per_s, "rows/s");
    out.diy = await reference("peer diy-baseline.mjs", "diy-baseline.mjs", { ...env, URL: `http://127.0.0.1:${port}/` }, (j) => j.per_s, "deliveries/s");
  } finally {
    out.receiver = await receiver.stop();
  }
  return out;
}

/**
 * L1 as shipped; post-rate.mjs asks for undici 8, which needs Node 22. When it
 * cannot run here, it runs again unchanged except for the import, which points
 * at HookRelay's own undici 7 (node_modules/undici): ESM ignores NODE_PATH, so
 * the scratch copy gets post-rate.undici7.mjs with that one line rewritten.
 */
async function postRate(env) {
  const first = await reference("L1 post-rate.mjs", "post-rate.mjs", env, (j) => j.per_s, "requests/s", { quietFailure: true });
  if (first.value) return first;
  const undici = JSON.parse(readFileSync(join(ROOT, "node_modules/undici/package.json"), "utf8")).version;
  const theirs = readFileSync(join(SCRATCH, "node_modules/undici/package.json"), "utf8").match(/"version":\s*"([^"]+)"/)?.[1];
  step(`references: L1 with undici ${theirs ?? "?"} failed on Node ${process.versions.node} (${first.error}); again with HookRelay's undici ${undici}`);
  const source = readFileSync(join(SCRATCH, "post-rate.mjs"), "utf8");
  const shim = source.replace(/from\s+['"]undici['"]/, `from ${JSON.stringify(pathToFileURL(join(ROOT, "node_modules/undici/index.js")).href)}`);
  writeFileSync(join(SCRATCH, "post-rate.undici7.mjs"), shim);
  const second = await reference("L1 post-rate.mjs (undici 7)", "post-rate.undici7.mjs", env, (j) => j.per_s, "requests/s");
  if (second.value) second.note = `run with HookRelay's undici ${undici}: undici ${theirs ?? "8"} failed on Node ${process.versions.node} (${first.error})`;
  return second;
}

async function reference(label, script, env, pick, unit, { quietFailure = false } = {}) {
  step(`references: ${label}…`);
  const started = performance.now();
  const { code, stdout, stderr } = await run(process.execPath, [script], { cwd: SCRATCH, env });
  const line = stdout.trim().split("\n").findLast((l) => l.startsWith("{"));
  if (code !== 0 || !line) {
    const why = (stderr.trim().split("\n").find((l) => /error/i.test(l)) ?? stderr.trim().split("\n")[0] ?? `exit ${code}`).trim().slice(0, 240) || `exit ${code}`;
    if (!quietFailure) step(`references: ${label} could not run here: ${why}`);
    return { error: why };
  }
  const raw = JSON.parse(line);
  step(`references: ${label} ${line} (${Math.round((performance.now() - started) / 1000)} s)`);
  return { value: pick(raw), unit, raw };
}

/**
 * Why the scratch copy needs `npm install`: node_modules missing, or a declared
 * dependency absent or of another major version than package.json asks for (a
 * copy left behind by an earlier tool may hold a replaced undici).
 */
function staleDependencies() {
  if (!existsSync(join(SCRATCH, "node_modules"))) return ["no node_modules"];
  const { dependencies = {} } = JSON.parse(readFileSync(join(SCRATCH, "package.json"), "utf8"));
  return Object.entries(dependencies).flatMap(([name, range]) => {
    const file = join(SCRATCH, "node_modules", name, "package.json");
    if (!existsSync(file)) return [`${name} missing`];
    const have = JSON.parse(readFileSync(file, "utf8")).version;
    const want = /\d+/.exec(range)?.[0];
    return want && have.split(".")[0] !== want ? [`${name} ${have} installed, ${range} wanted`] : [];
  });
}

function run(command, args, opts) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { ...opts, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    const timer = setTimeout(() => {
      stderr = `timed out after ${TIMEOUT_MS / 1000} s\n${stderr}`;
      child.kill("SIGKILL");
    }, TIMEOUT_MS);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** Their receiver.mjs (answers 200, counts, prints { received } on SIGTERM). */
async function startTheirReceiver(port) {
  const child = spawn(process.execPath, ["receiver.mjs"], { cwd: SCRATCH, env: { ...process.env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  child.stdout.on("data", (c) => (stdout += c));
  await new Promise((resolvePromise, reject) => {
    child.stderr.on("data", (c) => String(c).includes("receiver on") && resolvePromise());
    child.once("exit", (code) => reject(new Error(`the reference receiver exited (${code}) before listening on ${port}`)));
  });
  step(`references: their receiver.mjs listening on 127.0.0.1:${port}`);
  return {
    stop: () =>
      new Promise((resolvePromise) => {
        child.once("exit", () => {
          try {
            resolvePromise(JSON.parse(stdout.trim().split("\n").at(-1)));
          } catch {
            resolvePromise(null);
          }
        });
        child.kill("SIGTERM");
      }),
  };
}


function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  u.search = "";
  return u.toString();
}

async function ensureDatabase(url, name) {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) {
      step(`references: creating database ${name} (pg-rate.mjs and diy-baseline.mjs use it)`);
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`).catch((err) => {
        if (!/already exists/.test(err.message)) throw err;
      });
    }
  } finally {
    await client.end();
  }
}
