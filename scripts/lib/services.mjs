// Finds PostgreSQL and Redis for `npm start` / `npm test`, and on a Debian
// machine starts (or, as root, installs) them when they are not running.
// Runs before `npm ci`, so it uses only Node built-ins and the system's psql.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import net from "node:net";

const isRoot = () => process.getuid?.() === 0;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** True when something accepts TCP connections on host:port within `timeoutMs`. */
export function isPortOpen(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

async function waitForPort(host, port, what, log, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await isPortOpen(host, port)) return;
    await sleep(500);
  }
  throw new Error(`${what} was started but is not accepting connections on ${host}:${port} after ${timeoutMs / 1000} s.`);
}

function run(command, args, { timeoutMs = 60_000, env } = {}) {
  const r = spawnSync(command, args, { encoding: "utf8", timeout: timeoutMs, env: { ...process.env, ...env } });
  return { ok: r.status === 0, out: `${r.stdout ?? ""}${r.stderr ?? ""}`.trim(), error: r.error };
}

const has = (bin) => run("sh", ["-c", `command -v ${bin}`]).ok;

let aptUpdated = false;
function aptInstall(pkg, log) {
  if (!isRoot()) return false;
  if (!has("apt-get")) return false;
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  if (!aptUpdated) {
    log("apt-get update…");
    run("apt-get", ["update"], { timeoutMs: 5 * 60_000, env });
    aptUpdated = true;
  }
  log(`installing ${pkg} with apt-get (a few minutes at most)…`);
  const r = run("apt-get", ["install", "-y", "--no-install-recommends", pkg], { timeoutMs: 15 * 60_000, env });
  if (!r.ok) throw new Error(`apt-get install ${pkg} failed:\n${r.out.split("\n").slice(-10).join("\n")}`);
  return true;
}

// ── PostgreSQL ────────────────────────────────────────────────────────────────

const PG_HOST = "127.0.0.1";
const PG_PORT = 5432;
const PG_ROLE = "hookrelay";

function psql(url, sql, timeoutSec = 5) {
  return run("psql", [url, "-w", "-v", "ON_ERROR_STOP=1", "-Atqc", sql], {
    timeoutMs: (timeoutSec + 5) * 1000,
    env: { PGCONNECT_TIMEOUT: String(timeoutSec) },
  });
}

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

/** Creates `name` when missing, connecting to the maintenance database as the URL's user. */
function ensureDatabaseExists(url, name, log) {
  const admin = withDatabase(url, "postgres");
  const exists = psql(admin, `SELECT 1 FROM pg_database WHERE datname = '${name.replace(/'/g, "''")}'`);
  if (!exists.ok) throw new Error(`Cannot query PostgreSQL at ${redact(url)}: ${exists.out}`);
  if (exists.out.trim() !== "1") {
    log(`PostgreSQL: creating database ${name}`);
    const created = psql(admin, `CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    if (!created.ok) throw new Error(`Cannot create database ${name}: ${created.out}`);
  }
}

const redact = (url) => url.replace(/:\/\/([^:@/]+):[^@/]*@/, "://$1:***@");

function clusterVersions() {
  try {
    return readdirSync("/etc/postgresql").filter((v) => /^\d+$/.test(v));
  } catch {
    return [];
  }
}

async function startLocalPostgres(log) {
  let versions = clusterVersions();
  if (versions.length === 0) {
    if (!aptInstall("postgresql", log)) {
      throw new Error(
        "PostgreSQL is not running on 127.0.0.1:5432 and is not installed.\n" +
          "  Install it (Debian/Ubuntu: sudo apt-get install -y postgresql), or set DATABASE_URL to a PostgreSQL 13+ server.",
      );
    }
    versions = clusterVersions();
    if (versions.length === 0) throw new Error("apt-get installed postgresql but no cluster exists in /etc/postgresql.");
  }
  for (const v of versions) {
    log(`PostgreSQL: not reachable on ${PG_HOST}:${PG_PORT}, starting the local cluster ${v}/main…`);
    const r = isRoot() || has("pg_ctlcluster")
      ? run("pg_ctlcluster", ["--skip-systemctl-redirect", v, "main", "start"], { timeoutMs: 60_000 })
      : { ok: false, out: "pg_ctlcluster not found" };
    if (!r.ok && !/already running/i.test(r.out)) {
      log(`PostgreSQL: could not start cluster ${v}/main: ${r.out}`);
      continue;
    }
    await waitForPort(PG_HOST, PG_PORT, `PostgreSQL ${v}`, log);
    return;
  }
  throw new Error(
    "PostgreSQL is installed but could not be started.\n" +
      "  Start it (e.g. sudo pg_ctlcluster <version> main start), or set DATABASE_URL.",
  );
}

/** A login role with a password, created over the local socket as the postgres superuser (peer auth). */
function createAppRole(log) {
  if (!isRoot() || !has("runuser")) return false;
  log(`PostgreSQL: password/peer authentication only; creating role ${PG_ROLE}…`);
  const sql =
    `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${PG_ROLE}') THEN ` +
    `CREATE ROLE ${PG_ROLE} LOGIN CREATEDB PASSWORD '${PG_ROLE}'; ELSE ALTER ROLE ${PG_ROLE} LOGIN CREATEDB PASSWORD '${PG_ROLE}'; END IF; END $$;`;
  const r = run("runuser", ["-u", "postgres", "--", "psql", "-p", String(PG_PORT), "-v", "ON_ERROR_STOP=1", "-Atqc", sql], {
    timeoutMs: 30_000,
  });
  if (!r.ok) throw new Error(`Could not create the PostgreSQL role ${PG_ROLE}: ${r.out}`);
  return true;
}

/**
 * Returns a DATABASE_URL that works: process.env.DATABASE_URL when set (the
 * database in it is created if missing), otherwise a local server, started or
 * installed if needed, with the database `databaseName`.
 */
export async function ensurePostgres({ log = () => {}, databaseName = "hookrelay" } = {}) {
  if (!has("psql")) {
    if (!aptInstall("postgresql-client", log) && !aptInstall("postgresql", log)) {
      throw new Error("The psql client is missing. Install PostgreSQL (sudo apt-get install -y postgresql) or its client.");
    }
  }
  const given = process.env.DATABASE_URL;
  if (given) {
    const name = decodeURIComponent(new URL(given).pathname.slice(1)) || databaseName;
    const url = withDatabase(given, name);
    const check = psql(withDatabase(given, "postgres"), "SELECT 1");
    if (!check.ok) {
      throw new Error(`DATABASE_URL (${redact(given)}) is not reachable: ${check.out || check.error?.message}\n  Fix the URL or start that server.`);
    }
    ensureDatabaseExists(url, name, log);
    return url;
  }

  if (!(await isPortOpen(PG_HOST, PG_PORT))) await startLocalPostgres(log);

  // The superuser without a password works where local auth is "trust"; a fresh
  // Debian install uses peer/scram instead, where our own password role is made.
  const candidates = [`postgresql://postgres@${PG_HOST}:${PG_PORT}/postgres`, `postgresql://${PG_ROLE}:${PG_ROLE}@${PG_HOST}:${PG_PORT}/postgres`];
  const works = () => candidates.find((c) => psql(c, "SELECT 1").ok);
  let base = works();
  if (!base && createAppRole(log)) base = works();
  if (!base) {
    throw new Error(
      `PostgreSQL on ${PG_HOST}:${PG_PORT} refused both ${PG_ROLE}:${PG_ROLE} and postgres (no password).\n` +
        `  Create a role: sudo -u postgres psql -c "CREATE ROLE ${PG_ROLE} LOGIN CREATEDB PASSWORD '${PG_ROLE}'"\n` +
        "  or set DATABASE_URL=postgresql://user:password@host:5432/hookrelay",
    );
  }
  const url = withDatabase(base, databaseName);
  ensureDatabaseExists(url, databaseName, log);
  log(`PostgreSQL: using ${redact(url)}`);
  return url;
}

// ── Redis ─────────────────────────────────────────────────────────────────────

/** Sends PING and resolves with the first reply line (e.g. "+PONG", "-NOAUTH …"). */
export function redisPing(host, port, { password, timeoutMs = 2000 } = {}) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    let data = "";
    const fail = (err) => {
      socket.destroy();
      reject(err);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error(`no answer from Redis at ${host}:${port} within ${timeoutMs} ms`)));
    socket.once("error", fail);
    socket.once("connect", () => socket.write(password ? `AUTH ${password}\r\nPING\r\n` : "PING\r\n"));
    socket.on("data", (chunk) => {
      data += chunk.toString("utf8");
      const lines = data.split("\r\n").filter(Boolean);
      const needed = password ? 2 : 1;
      if (lines.length >= needed || lines[0]?.startsWith("-")) {
        socket.destroy();
        resolve(lines[0].startsWith("-") ? lines[0] : lines[needed - 1]);
      }
    });
  });
}

const REDIS_HOST = "127.0.0.1";
const REDIS_PORT = 6379;

async function checkRedis(url) {
  const u = new URL(url);
  const reply = await redisPing(u.hostname, Number(u.port || 6379), { password: u.password ? decodeURIComponent(u.password) : undefined });
  if (reply !== "+PONG") throw new Error(`Redis at ${redact(url)} answered ${reply}`);
}

/** Returns a REDIS_URL that works: REDIS_URL when set, otherwise a local Redis, started or installed if needed. */
export async function ensureRedis({ log = () => {} } = {}) {
  const given = process.env.REDIS_URL;
  if (given) {
    try {
      await checkRedis(given);
    } catch (err) {
      throw new Error(`REDIS_URL (${redact(given)}) is not usable: ${err.message}\n  Fix the URL or start that server.`);
    }
    return given;
  }
  const url = `redis://${REDIS_HOST}:${REDIS_PORT}`;
  if (!(await isPortOpen(REDIS_HOST, REDIS_PORT))) {
    if (!has("redis-server") && !aptInstall("redis-server", log)) {
      throw new Error(
        "Redis is not running on 127.0.0.1:6379 and is not installed.\n" +
          "  Install it (Debian/Ubuntu: sudo apt-get install -y redis-server), or set REDIS_URL.",
      );
    }
    // The package's own service may have started it during the install.
    if (!(await isPortOpen(REDIS_HOST, REDIS_PORT))) {
      log(`Redis: not reachable on ${REDIS_HOST}:${REDIS_PORT}, starting redis-server…`);
      const dir = isRoot() ? "/var/lib/redis" : `${process.env.HOME ?? "/tmp"}/.hookrelay-redis`;
      mkdirSync(dir, { recursive: true });
      const logFile = `${dir}/redis-server.log`;
      // No persistence, like the CI machines: PostgreSQL is the source of truth.
      const r = run("redis-server", ["--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", String(REDIS_PORT),
        "--save", "", "--appendonly", "no", "--dir", dir, "--logfile", logFile]);
      if (!r.ok) throw new Error(`redis-server would not start: ${r.out}`);
      await waitForPort(REDIS_HOST, REDIS_PORT, "Redis", log, 20_000);
    }
  }
  try {
    await checkRedis(url);
  } catch (err) {
    throw new Error(`${err.message}\n  Set REDIS_URL (e.g. redis://:password@127.0.0.1:6379) to a Redis you can use.`);
  }
  return url;
}

// Exported for the CLI check: `node scripts/lib/services.mjs`
if (import.meta.url === `file://${process.argv[1]}`) {
  const log = (m) => console.log(m);
  console.log(await ensurePostgres({ log }));
  console.log(await ensureRedis({ log }));
}

