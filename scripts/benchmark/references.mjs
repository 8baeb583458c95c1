// The reference measurements (../shared/bench by default, BENCH_REFERENCES to
// point elsewhere), run on this machine right after our own: raw undici POST
// rate (L1), raw BullMQ no-op job rate (L2), raw PostgreSQL INSERT rate (L3) and
// the DIY peer. They run from a scratch copy with their own dependencies.
// Each figure is { value, raw } or { error } when a script cannot run here.
import { spawn } from "node:child_process";
import { cpSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ROOT } from "../lib/prepare.mjs";
import { runCommand, step } from "../lib/run.mjs";
import { startReceiver } from "./receiver-process.mjs";

const SOURCE = resolve(process.env.BENCH_REFERENCES ?? join(ROOT, "..", "shared", "bench"));
const SCRATCH = join(tmpdir(), "hookrelay-refbench");

export async function runReferences({ databaseUrl, redisUrl }) {
  if (!existsSync(join(SOURCE, "package.json"))) {
    const error = `no reference scripts at ${SOURCE} (set BENCH_REFERENCES)`;
    step(`references: ${error}`);
    return { diy: { error }, post: { error }, bullmq: { error }, pg: { error } };
  }
  const redis = new URL(redisUrl);
  if (!["127.0.0.1", "localhost"].includes(redis.hostname) || (redis.port || "6379") !== "6379") {
    step(`references: note — they connect to Redis at 127.0.0.1:6379 only, not ${redisUrl}`);
  }
  step(`references: preparing a copy of ${SOURCE} in ${SCRATCH}…`);
  cpSync(SOURCE, SCRATCH, { recursive: true, filter: (src) => !src.includes("node_modules") });
  if (!existsSync(join(SCRATCH, "node_modules"))) {
    await runCommand("refs", "npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: SCRATCH, quiet: true });
  }
  // post-rate.mjs asks for undici 8, which needs Node 22; on older Node it runs with undici 7
  // (the version HookRelay itself uses), and the result says so.
  const undiciNote = Number(process.versions.node.split(".")[0]) < 22 ? "undici 7 (undici 8 needs Node 22)" : null;
  if (undiciNote) {
    await runCommand("refs", "npm", ["install", "--no-save", "--no-audit", "--no-fund", "--loglevel=error", "undici@7"], { cwd: SCRATCH, quiet: true });
  }
  // Our own counting receiver stands in for theirs (same bare 200 answer), on a free port.
  const receiver = await startReceiver(join(ROOT, "scripts/benchmark/receiver.mjs"));
  const env = { ...process.env, DATABASE_URL: databaseUrl, URL: `${receiver.url}/` };
  const out = {};
  try {
    out.post = await reference("L1 post-rate.mjs", "post-rate.mjs", env, (j) => j.per_s);
    if (undiciNote && out.post.value) out.post.note = `run with ${undiciNote}`;
    out.bullmq = await reference("L2 bullmq-rate.mjs", "bullmq-rate.mjs", env, (j) => j.process_per_s);
    out.pg = await reference("L3 pg-rate.mjs", "pg-rate.mjs", env, (j) => j.per_s);
    out.diy = await reference("DIY peer diy-baseline.mjs", "diy-baseline.mjs", env, (j) => j.per_s);
  } finally {
    await receiver.stop();
  }
  return out;
}

async function reference(label, script, env, pick) {
  step(`references: ${label}…`);
  const { code, stdout, stderr } = await run(process.execPath, [script], { cwd: SCRATCH, env });
  const line = stdout.trim().split("\n").findLast((l) => l.startsWith("{"));
  if (code !== 0 || !line) {
    const why = (stderr.trim().split("\n").find((l) => /Error|error/.test(l)) ?? `exit ${code}`).slice(0, 200);
    step(`references: ${label} could not run here: ${why}`);
    return { error: why };
  }
  const raw = JSON.parse(line);
  step(`references: ${label} ${line}`);
  return { value: pick(raw), raw };
}

function run(command, args, opts) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { ...opts, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    child.on("exit", (code) => resolvePromise({ code, stdout, stderr }));
  });
}
