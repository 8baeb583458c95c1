// The preparation `npm start` and `npm test` share: dependencies, Prisma
// client, services, migrations and the production build, each skipped when
// already up to date so a second start is quick.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { runCommand, step } from "./run.mjs";

export const ROOT = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");

export function checkNode() {
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 9)) {
    throw new Error(`Node.js ${process.versions.node} is too old: HookRelay needs Node.js 20.9 or newer.`);
  }
}

const hashFile = (path) => createHash("sha256").update(readFileSync(path)).digest("hex");

/** `npm ci` when node_modules is missing or was installed from another package-lock.json. */
export async function ensureDependencies() {
  const stamp = join(ROOT, "node_modules", ".hookrelay-install-stamp");
  const want = hashFile(join(ROOT, "package-lock.json"));
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === want) return;
  step(existsSync(join(ROOT, "node_modules")) ? "package-lock.json changed: reinstalling dependencies (npm ci)…" : "installing dependencies (npm ci)…");
  const opts = { cwd: ROOT, timeoutMs: 15 * 60_000, quiet: true };
  try {
    await runCommand("setup", "npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { ...opts, echoOnFailure: false });
  } catch (err) {
    // A registry mirror that serves only this platform's optional packages
    // (@next/swc-*, @tailwindcss/oxide-*) yields a lock file that `npm ci`
    // calls out of sync; `npm install` resolves the same locked versions.
    if (!/can only install packages when your package\.json and package-lock\.json/.test(err.output ?? "")) {
      process.stderr.write(err.output ?? "");
      throw err;
    }
    step("npm ci refused the lock file (other platforms' optional packages are not on this registry); running npm install with the same lock…");
    await runCommand("setup", "npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], opts);
  }
  writeFileSync(stamp, want);
}

/** Hash of the files under `paths` (recursively), for "is the output stale?" checks. */
function treeHash(paths, ignore = () => false) {
  const h = createHash("sha256");
  const walk = (p) => {
    if (!existsSync(p) || ignore(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) for (const name of readdirSync(p).sort()) walk(join(p, name));
    else h.update(relative(ROOT, p)).update(String(st.size)).update(readFileSync(p));
  };
  for (const p of paths) walk(join(ROOT, p));
  return h.digest("hex");
}

function upToDate(stampPath, hash) {
  return existsSync(stampPath) && readFileSync(stampPath, "utf8") === hash;
}

/** `prisma generate` (offline: no engine download is attempted) when the schema changed. */
export async function generatePrismaClient(env) {
  const out = join(ROOT, "lib", "generated", "prisma");
  const stamp = join(out, ".schema-hash");
  const hash = treeHash(["prisma/schema.prisma", "package-lock.json"]);
  if (existsSync(out) && upToDate(stamp, hash)) return;
  step("generating the Prisma client…");
  await runCommand("setup", "npx", ["prisma", "generate"], {
    cwd: ROOT,
    env: { ...env, PRISMA_SCHEMA_ENGINE_BINARY: env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    quiet: true,
  });
  writeFileSync(stamp, hash);
}

const BUILD_INPUTS = ["app", "components", "lib", "public", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];

/** `next build` when any input of the web app changed since the last build. */
export async function buildApp(env) {
  const distDir = join(ROOT, env.NEXT_DIST_DIR || ".next");
  const stamp = join(distDir, ".hookrelay-build-hash");
  const hash = treeHash(BUILD_INPUTS, (p) => p.includes(join("lib", "generated")));
  if (upToDate(stamp, hash) && existsSync(join(distDir, "BUILD_ID"))) {
    step("web app build is up to date");
    return;
  }
  step("building the web app (next build, about a minute on 2 cores)…");
  const started = Date.now();
  await runCommand("build", "npx", ["next", "build"], {
    cwd: ROOT,
    env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    timeoutMs: 20 * 60_000,
  });
  mkdirSync(distDir, { recursive: true });
  writeFileSync(stamp, hash);
  step(`build finished in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** PostgreSQL + Redis reachable, database migrated. Returns the URLs in use. */
export async function prepareServices(env, databaseName, { fresh = false, timezone } = {}) {
  // Imported only now, after ensureDependencies(): they load pg and ioredis.
  const { ensurePostgres, ensureRedis, recreateDatabase } = await import("./services/index.mjs");
  const { applyMigrations } = await import("./migrate.mjs");
  const log = (m) => step(m);
  // The services read DATABASE_URL / REDIS_URL from process.env.
  for (const k of ["DATABASE_URL", "REDIS_URL"]) if (env[k]) process.env[k] = env[k];
  const databaseUrl = await ensurePostgres({ log, databaseName });
  const redisUrl = await ensureRedis({ log });
  if (fresh) await recreateDatabase(databaseUrl, { timezone, log });
  const applied = await applyMigrations(databaseUrl, join(ROOT, "prisma", "migrations"), { log });
  step(applied.length ? `applied ${applied.length} migration(s)` : "database schema is up to date");
  return { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl };
}
