// Finds PostgreSQL and Redis for `npm start` / `npm test` and, on a Debian
// machine, starts them (or, as root, installs them) when they are not running.
//
// It runs after `npm ci` (scripts/lib/prepare.mjs). SQL goes through the
// system's `psql` (installed with the server on Debian) when it is on PATH, else
// through the `pg` package; Redis is spoken to over node:net.
//
// Rules:
//   - DATABASE_URL / REDIS_URL, when set, are used as they are: checked, the
//     database created if missing, and nothing is ever started or installed
//     for them. Unreachable means a clear error.
//   - Otherwise 127.0.0.1:5432 and 127.0.0.1:6379: started when down, installed
//     with apt-get when absent and we are root, or a clear error saying what to do.
//   - Every external command has a timeout and every wait prints progress.
import { spawn } from "node:child_process";
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import tls from "node:tls";
import { pathToFileURL } from "node:url";

const LOCAL_HOST = "127.0.0.1";
const APP_ROLE = "hookrelay"; // created (password = name) where local auth is not "trust"
const WAIT_MS = 20_000; // how long a service we started may take to accept connections

const isRoot = () => process.getuid?.() === 0;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const firstLine = (s) => String(s ?? "").trim().split("\n").find(Boolean) ?? "";

// ── small helpers ─────────────────────────────────────────────────────────────

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

/**
 * Polls `check` (async, truthy = ready) every `everyMs` until `timeoutMs`,
 * logging "<what>: still waiting (N s)…" every 5 s so a slow start never looks
 * like a hang. Resolves true when ready, false on timeout.
 */
export async function waitFor(check, { what, log = () => {}, timeoutMs = WAIT_MS, everyMs = 500 } = {}) {
  const started = Date.now();
  let nextReport = started + 5000;
  for (;;) {
    if (await check()) return true;
    const now = Date.now();
    if (now - started >= timeoutMs) return false;
    if (now >= nextReport) {
      log(`${what}: still waiting (${Math.round((now - started) / 1000)} s of ${Math.round(timeoutMs / 1000)} s)…`);
      nextReport += 5000;
    }
    await sleep(everyMs);
  }
}

/** The executable's path when `bin` is on PATH (no subprocess needed). */
export function which(bin) {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const full = join(dir, bin);
    try {
      accessSync(full, constants.X_OK);
      return full;
    } catch {}
  }
  return null;
}

/**
 * Runs a command with a hard timeout; resolves { ok, code, out, timedOut }.
 * Resolves on "exit", not on "close": daemons started by the command (redis
 * --daemonize, pg_ctl) may keep our pipes open long after it returned.
 */
export function run(command, args, { timeoutMs = 60_000, env, cwd } = {}) {
  return new Promise((resolve) => {
    let out = "";
    let settled = false;
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, out: out.trim() });
    };
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.once("error", (err) => {
      out += err.code === "ENOENT" ? `${command}: command not found` : err.message;
      finish({ ok: false, code: null, timedOut: false });
    });
    // "close" comes first when the pipes close with the process; otherwise give
    // them a moment to deliver what was written before it exited.
    child.once("exit", (code) => setTimeout(() => finish({ ok: code === 0, code, timedOut: false }), 200));
    child.once("close", (code) => finish({ ok: code === 0, code, timedOut: false }));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      out += `\n${command} did not finish within ${timeoutMs / 1000} s and was stopped`;
      finish({ ok: false, code: null, timedOut: true });
    }, timeoutMs);
  });
}

let aptUpdated = false;

/** apt-get install as root (apt-get update once per process). False when not root or no apt-get. */
async function aptInstall(packages, log) {
  if (!isRoot() || !which("apt-get")) return false;
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  if (!aptUpdated) {
    log("apt-get update…");
    const r = await run("apt-get", ["update"], { timeoutMs: 5 * 60_000, env });
    if (!r.ok) log(`apt-get update failed (trying the install anyway): ${r.out.split("\n").slice(-3).join(" / ")}`);
    aptUpdated = true;
  }
  log(`apt-get install -y ${packages.join(" ")} (a few minutes at most)…`);
  const r = await run("apt-get", ["install", "-y", "--no-install-recommends", ...packages], { timeoutMs: 15 * 60_000, env });
  if (!r.ok) throw new Error(`apt-get install ${packages.join(" ")} failed:\n${r.out.split("\n").slice(-10).join("\n")}`);
  return true;
}

// ── connection URLs ───────────────────────────────────────────────────────────
// Split with a regex rather than WHATWG URL: libpq accepts an empty host
// (postgresql://user@/db?host=/run/postgresql), which `new URL` rejects.

const URL_RE = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(\/[^?#]*)?(\?[^#]*)?(#.*)?$/i;

function splitUrl(url) {
  const m = URL_RE.exec(url);
  if (!m) throw new Error(`Not a connection URL: ${redact(url)}`);
  return { base: m[1], path: m[2] ?? "", query: m[3] ?? "" };
}

/** The database name in a PostgreSQL URL ("" when none). */
export function databaseOf(url) {
  return decodeURIComponent(splitUrl(url).path.replace(/^\//, ""));
}

/** `url` pointing at database `name`, everything else unchanged. */
export function withDatabase(url, name) {
  const { base, query } = splitUrl(url);
  return `${base}/${encodeURIComponent(name)}${query}`;
}

// Query parameters libpq understands. Others (Prisma's ?schema=, ?connection_limit=,
// ?pool_timeout=, ?pgbouncer=…) make psql refuse the URL, so they are left out of
// what psql sees; the URL returned to the app keeps them.
const LIBPQ_PARAMS = new Set(
  ("host hostaddr port dbname user password passfile channel_binding connect_timeout client_encoding options " +
    "application_name fallback_application_name keepalives keepalives_idle keepalives_interval keepalives_count " +
    "tcp_user_timeout replication gssencmode sslmode requiressl sslcompression sslcert sslkey sslpassword " +
    "sslcertmode sslrootcert sslcrl sslcrldir sslsni requirepeer ssl_min_protocol_version ssl_max_protocol_version " +
    "krbsrvname gsslib gssdelegation service target_session_attrs load_balance_hosts require_auth sslnegotiation").split(" "),
);

function libpqUrl(url) {
  const { base, path, query } = splitUrl(url);
  if (!query) return url;
  const params = new URLSearchParams(query.slice(1));
  for (const key of [...params.keys()]) if (!LIBPQ_PARAMS.has(key)) params.delete(key);
  const q = params.toString();
  return `${base}${path}${q ? `?${q}` : ""}`;
}

/** The URL with its password replaced by ***, for messages. */
export const redact = (url) => String(url).replace(/(:\/\/[^:@/]*):[^/]*@/, "$1:***@");

// ── SQL without the pg package ────────────────────────────────────────────────

/**
 * Sorts a connection failure into what the caller acts on:
 * auth | nodb | starting | unreachable | error.
 */
export function classifyPgError(message, code) {
  const m = String(message ?? "");
  if (code === "28P01" || code === "28000" ||
      /password authentication failed|no password supplied|peer authentication failed|ident authentication failed|no pg_hba\.conf entry|role "[^"]*" does not exist|client password must be a string|SASL/i.test(m)) {
    return "auth";
  }
  if (code === "3D000" || /database "[^"]*" does not exist/i.test(m)) return "nodb";
  if (code === "57P03" || /starting up|shutting down|in recovery mode|not yet accepting connections/i.test(m)) return "starting";
  if (/connection refused|could not connect|timeout expired|timed out|ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|could not translate host name|No such file or directory/i.test(m)) {
    return "unreachable";
  }
  return "error";
}

let pgModule; // undefined = not looked for yet, null = not installed
async function loadPg() {
  if (pgModule === undefined) pgModule = await import("pg").then((m) => m.default ?? m, () => null);
  return pgModule;
}

/** Can this process run SQL at all (psql on PATH, or the pg package)? */
async function haveSqlClient() {
  return Boolean(which("psql") || (await loadPg()));
}

/**
 * Runs one SQL statement; resolves { ok, out, kind } where `out` is the result
 * as `psql -At` prints it (rows by "\n", columns by "|", booleans t/f) or the
 * error text, and `kind` is "ok" or classifyPgError's verdict.
 */
export async function runSql(url, sql, { connectTimeoutSec = 3 } = {}) {
  if (which("psql")) {
    // -X: no ~/.psqlrc; -w: never prompt for a password.
    const r = await run("psql", [libpqUrl(url), "-X", "-w", "-v", "ON_ERROR_STOP=1", "-Atqc", sql], {
      timeoutMs: (connectTimeoutSec + 12) * 1000,
      env: { PGCONNECT_TIMEOUT: String(connectTimeoutSec) },
      cwd: "/",
    });
    return { ok: r.ok, out: r.out, kind: r.ok ? "ok" : r.timedOut ? "unreachable" : classifyPgError(r.out) };
  }
  const pg = await loadPg();
  if (!pg) return { ok: false, out: "neither psql nor the pg package is available", kind: "noclient" };
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutSec * 1000, query_timeout: 10_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    const res = await client.query(sql);
    const fmt = (v) => (v === true ? "t" : v === false ? "f" : v == null ? "" : String(v));
    const out = (res.rows ?? []).map((row) => Object.values(row).map(fmt).join("|")).join("\n");
    return { ok: true, out, kind: "ok" };
  } catch (err) {
    const text = err.message || err.code || String(err);
    return { ok: false, out: text, kind: classifyPgError(`${text} ${err.code ?? ""}`, err.code) };
  } finally {
    await client.end().catch(() => {});
  }
}

const sqlLiteral = (s) => `'${String(s).replace(/'/g, "''")}'`;
const sqlIdent = (s) => `"${String(s).replace(/"/g, '""')}"`;

/** CREATE DATABASE `name` as the URL's user (so that role owns it); a concurrent creator is fine. */
async function createDatabase(url, name, log) {
  const admin = withDatabase(url, "postgres");
  log(`PostgreSQL: creating database ${name}`);
  const r = await runSql(admin, `CREATE DATABASE ${sqlIdent(name)}`);
  if (!r.ok && !/already exists/i.test(r.out)) {
    throw new Error(`PostgreSQL: could not create database ${name} (as ${redact(admin)}): ${firstLine(r.out)}`);
  }
}

// ── PostgreSQL ────────────────────────────────────────────────────────────────

/**
 * Returns a DATABASE_URL that works.
 *
 * With process.env.DATABASE_URL set: that server, the database named in the URL
 * (or `databaseName` when the URL names none), created if missing; never starts
 * or installs anything. Otherwise PostgreSQL on 127.0.0.1:5432 — started, or
 * installed (root only), when missing — as role hookrelay or postgres, with
 * database `databaseName` created if missing.
 *
 * `host`/`port` are for tests only (a scratch server on another port).
 */
export async function ensurePostgres({ log = () => {}, databaseName = "hookrelay", host = LOCAL_HOST, port = 5432 } = {}) {
  const given = process.env.DATABASE_URL?.trim();
  if (given) return useGivenPostgres(given, databaseName, log);

  if (!(await isPortOpen(host, port))) await startLocalPostgres({ host, port, log });
  if (!(await haveSqlClient())) {
    if (!(await aptInstall(["postgresql-client"], log))) {
      throw new Error(
        `PostgreSQL is running on ${host}:${port}, but there is no psql client to set it up with.\n` +
          "  Install it (Debian/Ubuntu: sudo apt-get install -y postgresql-client), or set DATABASE_URL.",
      );
    }
    if (!which("psql")) throw new Error("PostgreSQL: apt-get installed postgresql-client, but psql is still not on PATH.");
  }
  const { url, user } = await chooseLocalRole({ host, port, databaseName, log });
  const target = withDatabase(url, databaseName);
  log(`PostgreSQL: using ${redact(target)}${user === "postgres" ? " (local superuser)" : ""}`);
  return target;
}

async function useGivenPostgres(given, databaseName, log) {
  const url = databaseOf(given) ? given : withDatabase(given, databaseName);
  const name = databaseOf(url);
  const shown = redact(url);
  if (!(await haveSqlClient())) {
    throw new Error(
      `DATABASE_URL is set (${shown}), but there is no client to check it with: neither psql nor the pg package.\n` +
        "  Install the psql client (Debian/Ubuntu: sudo apt-get install -y postgresql-client) or run npm ci first.",
    );
  }
  log(`PostgreSQL: checking DATABASE_URL (${shown})…`);
  let r = await runSql(url, "SELECT 1");
  if (r.kind === "nodb") {
    await createDatabase(url, name, log);
    r = await runSql(url, "SELECT 1");
  }
  if (!r.ok) {
    const hint =
      r.kind === "auth" ? "the server refused the user/password in it" :
      r.kind === "unreachable" ? "nothing answers at that address" :
      r.kind === "starting" ? "the server is still starting up; try again in a moment" : "see the error above";
    throw new Error(
      `DATABASE_URL (${shown}) is not usable: ${firstLine(r.out)}\n  (${hint}.) Fix DATABASE_URL or that server; ` +
        "nothing is started or installed when DATABASE_URL is set — unset it to use a local PostgreSQL.",
    );
  }
  return url;
}

/** Clusters known to Debian's postgresql-common: [{ version, name, port, online }]. */
export async function listClusters() {
  if (which("pg_lsclusters")) {
    const r = await run("pg_lsclusters", ["-h"], { timeoutMs: 15_000 });
    if (r.ok) {
      return r.out
        .split("\n")
        .map((line) => line.trim().split(/\s+/))
        .filter((f) => f.length >= 4 && /^\d+(\.\d+)?$/.test(f[0]))
        .map(([version, name, port, status]) => ({ version, name, port: Number(port), online: status.startsWith("online") }));
    }
  }
  // Without pg_lsclusters: /etc/postgresql/<version>/<name>/postgresql.conf.
  const clusters = [];
  const etc = "/etc/postgresql";
  const dirs = (p) => { try { return readdirSync(p, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name); } catch { return []; } };
  for (const version of dirs(etc).filter((v) => /^\d+(\.\d+)?$/.test(v))) {
    for (const name of dirs(join(etc, version))) {
      const conf = join(etc, version, name, "postgresql.conf");
      if (!existsSync(conf)) continue;
      const m = /^\s*port\s*=\s*(\d+)/m.exec(readFileSync(conf, "utf8"));
      clusters.push({ version, name, port: m ? Number(m[1]) : 5432, online: false });
    }
  }
  return clusters;
}

/** Server versions installed under /usr/lib/postgresql (binaries present, maybe no cluster). */
function installedServerVersions() {
  try {
    return readdirSync("/usr/lib/postgresql")
      .filter((v) => existsSync(join("/usr/lib/postgresql", v, "bin", "postgres")))
      .sort((a, b) => Number(b) - Number(a));
  } catch {
    return [];
  }
}

async function startLocalPostgres({ host, port, log }) {
  let clusters = await listClusters();
  if (clusters.length === 0) {
    const installed = installedServerVersions();
    if (installed.length && isRoot() && which("pg_createcluster")) {
      // Server binaries without a cluster: make the standard one.
      log(`PostgreSQL: installed (${installed[0]}) but no cluster exists; creating ${installed[0]}/main on port ${port}…`);
      const r = await run("pg_createcluster", ["-p", String(port), installed[0], "main"], { timeoutMs: 120_000 });
      if (!r.ok) throw new Error(`PostgreSQL: pg_createcluster ${installed[0]} main failed: ${r.out}`);
    } else if (!installed.length) {
      log(`PostgreSQL: not reachable on ${host}:${port} and not installed.`);
      if (!(await aptInstall(["postgresql"], log))) {
        throw new Error(
          `PostgreSQL is not running on ${host}:${port} and is not installed${isRoot() ? " (and apt-get is not available)" : ""}.\n` +
            "  Install it: sudo apt-get install -y postgresql   (Debian/Ubuntu; it starts on port 5432)\n" +
            "  or set DATABASE_URL=postgresql://user:password@host:5432/hookrelay to use a PostgreSQL 13+ server elsewhere.",
        );
      }
      // The package's own scripts may already have started the new cluster.
      if (await isPortOpen(host, port)) return;
    }
    clusters = await listClusters();
  }

  const onPort = clusters
    .filter((c) => c.port === port)
    .sort((a, b) => (a.name === "main" ? -1 : 0) - (b.name === "main" ? -1 : 0) || Number(b.version) - Number(a.version));
  if (onPort.length === 0) {
    const list = clusters.map((c) => `${c.version}/${c.name} on port ${c.port}`).join(", ") || "none";
    throw new Error(
      `PostgreSQL is not reachable on ${host}:${port} and no local cluster is configured for port ${port} (clusters: ${list}).\n` +
        "  Set DATABASE_URL to the server you want (e.g. postgresql://user:password@127.0.0.1:<port>/hookrelay).",
    );
  }

  const failures = [];
  for (const c of onPort) {
    log(`PostgreSQL: not reachable on ${host}:${port}, starting the local cluster ${c.version}/${c.name}…`);
    const r = await run("pg_ctlcluster", ["--skip-systemctl-redirect", c.version, c.name, "start"], { timeoutMs: 90_000 });
    if (!r.ok && !/already running/i.test(r.out)) {
      if (!isRoot() && /must run|as the cluster owner|permission denied|Operation not permitted/i.test(r.out)) {
        throw new Error(
          `PostgreSQL ${c.version}/${c.name} is installed but not running, and only root or the postgres user can start it.\n` +
            `  Start it: sudo pg_ctlcluster ${c.version} ${c.name} start   or set DATABASE_URL to a running server.`,
        );
      }
      log(`PostgreSQL: could not start ${c.version}/${c.name}: ${firstLine(r.out) || `exit code ${r.code}`}`);
      failures.push(`${c.version}/${c.name}: ${r.out || `exit code ${r.code}`}`);
      continue;
    }
    if (await waitFor(() => isPortOpen(host, port), { what: `PostgreSQL ${c.version}/${c.name}`, log })) {
      log(`PostgreSQL: ${c.version}/${c.name} is up on ${host}:${port}`);
      return;
    }
    failures.push(`${c.version}/${c.name}: started, but nothing accepts connections on ${host}:${port} after ${WAIT_MS / 1000} s`);
  }
  throw new Error(
    `PostgreSQL is installed but could not be started on ${host}:${port}:\n  ${failures.join("\n  ")}\n` +
      "  See /var/log/postgresql/, or set DATABASE_URL to a running server.",
  );
}

/**
 * Picks how to log in to the local server: role hookrelay (password hookrelay),
 * then postgres without a password (works where local auth is "trust"). A role
 * that logs in but could neither create nor use the database (not its owner,
 * no superuser) is passed over for one that can: a database made earlier by
 * postgres is unusable to hookrelay on PostgreSQL 15+ (no CREATE on public).
 * When neither logs in (fresh Debian: peer/scram) and we are root, the
 * hookrelay role is created over the Unix socket as the postgres OS user.
 */
async function chooseLocalRole({ host, port, databaseName, log }) {
  const candidates = [
    { user: APP_ROLE, url: `postgresql://${APP_ROLE}:${APP_ROLE}@${host}:${port}/postgres` },
    { user: "postgres", url: `postgresql://postgres@${host}:${port}/postgres` },
  ];
  const probeSql =
    "SELECT r.rolsuper, r.rolcreatedb, coalesce((SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = " +
    `${sqlLiteral(databaseName)}), '') FROM pg_roles r WHERE r.rolname = current_user`;
  const probe = async () =>
    Promise.all(
      candidates.map(async (c) => {
        const r = await runSql(c.url, probeSql);
        const [superuser, createdb, owner] = r.ok ? r.out.split("|") : [];
        const fits = r.ok && (superuser === "t" || owner === c.user || (owner === "" && createdb === "t"));
        return { ...c, r, fits, dbExists: r.ok && owner !== "" };
      }),
    );

  // A server that was just started may briefly answer "starting up".
  let probes;
  await waitFor(async () => (probes = await probe()).every((p) => p.r.kind !== "starting" && p.r.kind !== "unreachable"), {
    what: `PostgreSQL on ${host}:${port}`,
    log,
  });

  let chosen = probes.find((p) => p.fits);
  if (!chosen && probes.every((p) => p.r.kind === "auth") && isRoot() && which("runuser")) {
    await createAppRole({ port, log });
    probes = await probe();
    chosen = probes.find((p) => p.fits);
    const app = probes[0];
    if (!app.r.ok) {
      throw new Error(
        `PostgreSQL: created role ${APP_ROLE}, but it still cannot log in over TCP at ${host}:${port}: ${firstLine(app.r.out)}\n` +
          "  pg_hba.conf must allow password logins from 127.0.0.1 (Debian's default: host all all 127.0.0.1/32 scram-sha-256),\n" +
          "  or set DATABASE_URL.",
      );
    }
  }
  if (!chosen) {
    const loggedIn = probes.find((p) => p.r.ok);
    if (loggedIn) {
      // Logs in but may lack rights on an existing database: go on, say why it may fail.
      log(`PostgreSQL: warning: ${loggedIn.user} neither owns ${databaseName} nor is superuser; migrations may fail with "permission denied"`);
      chosen = loggedIn;
    }
  }
  if (!chosen) {
    const why = probes.map((p) => `${p.user}: ${firstLine(p.r.out)}`).join("\n    ");
    if (probes.every((p) => p.r.kind === "auth")) {
      throw new Error(
        `PostgreSQL on ${host}:${port} refused both ${APP_ROLE}:${APP_ROLE} and postgres without a password:\n    ${why}\n` +
          `  Create the role (as root): sudo -u postgres psql -c "CREATE ROLE ${APP_ROLE} LOGIN CREATEDB PASSWORD '${APP_ROLE}'"\n` +
          `  (or, if it exists: sudo -u postgres psql -c "ALTER ROLE ${APP_ROLE} LOGIN CREATEDB PASSWORD '${APP_ROLE}'"),\n` +
          "  or set DATABASE_URL=postgresql://user:password@127.0.0.1:5432/hookrelay",
      );
    }
    throw new Error(`PostgreSQL on ${host}:${port} is not usable:\n    ${why}\n  Fix the server, or set DATABASE_URL.`);
  }
  if (!chosen.dbExists) await createDatabase(chosen.url, databaseName, log);
  return chosen;
}

/** CREATE (or re-enable) role hookrelay as the postgres OS user: peer auth over the Unix socket. */
async function createAppRole({ port, log }) {
  log(`PostgreSQL: local logins need a password; creating (or resetting) role ${APP_ROLE} (password ${APP_ROLE}, CREATEDB) as the postgres user…`);
  const pw = sqlLiteral(APP_ROLE);
  const sql =
    `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${sqlLiteral(APP_ROLE)}) THEN ` +
    `CREATE ROLE ${APP_ROLE} LOGIN CREATEDB PASSWORD ${pw}; ` +
    `ELSE ALTER ROLE ${APP_ROLE} LOGIN CREATEDB PASSWORD ${pw}; END IF; END $$;`;
  const r = await run("runuser", ["-u", "postgres", "--", "psql", "-X", "-w", "-p", String(port), "-v", "ON_ERROR_STOP=1", "-Atqc", sql], {
    timeoutMs: 30_000,
    cwd: "/", // postgres may not be allowed into the current directory
  });
  if (!r.ok) throw new Error(`PostgreSQL: could not create role ${APP_ROLE} as the postgres user: ${r.out}`);
}

// ── Redis ─────────────────────────────────────────────────────────────────────

/**
 * Sends (AUTH and) PING; resolves with the reply that matters: the PING's
 * ("+PONG"), or the first error ("-NOAUTH …", "-WRONGPASS …"). Rejects when
 * nothing answers within `timeoutMs`.
 */
export function redisPing(host, port, { username, password, useTls = false, timeoutMs = 2000 } = {}) {
  return new Promise((resolve, reject) => {
    const socket = useTls ? tls.connect({ host, port, servername: net.isIP(host) ? undefined : host }) : net.connect({ host, port });
    const cmd = (...args) => `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("")}`;
    const auth = password != null ? (username ? cmd("AUTH", username, password) : cmd("AUTH", password)) : "";
    let data = "";
    const finish = (fn, value) => {
      clearTimeout(timer);
      socket.destroy();
      fn(value);
    };
    const timer = setTimeout(() => finish(reject, new Error(`no answer from ${host}:${port} within ${timeoutMs} ms`)), timeoutMs);
    socket.once("error", (err) => finish(reject, new Error(`${host}:${port}: ${err.code ?? err.message}`)));
    socket.once(useTls ? "secureConnect" : "connect", () => socket.write(auth + cmd("PING")));
    socket.on("data", (chunk) => {
      data += chunk.toString("utf8");
      const lines = data.split("\r\n");
      lines.pop(); // incomplete tail
      const needed = auth ? 2 : 1;
      const error = lines.find((l) => l.startsWith("-"));
      if (error) finish(resolve, error);
      else if (lines.length >= needed) finish(resolve, lines[needed - 1]);
    });
    socket.once("end", () => finish(reject, new Error(`${host}:${port} closed the connection without answering PING`)));
  });
}

/** Throws a message that says what to do unless the Redis at `url` answers PONG. */
async function checkRedis(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`not a valid redis:// URL: ${redact(url)}`);
  }
  const host = u.hostname.replace(/^\[(.*)\]$/, "$1") || LOCAL_HOST;
  const reply = await redisPing(host, Number(u.port || 6379), {
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    useTls: u.protocol === "rediss:",
  });
  if (reply === "+PONG") return;
  if (reply.startsWith("-NOAUTH")) {
    throw new Error(`Redis at ${host}:${u.port || 6379} requires a password (${reply.slice(1)}); put it in REDIS_URL, e.g. redis://:password@${host}:${u.port || 6379}`);
  }
  if (/^-(WRONGPASS|ERR.*(invalid password|invalid username|AUTH))/i.test(reply)) {
    throw new Error(`Redis at ${host}:${u.port || 6379} rejected the credentials in REDIS_URL (${reply.slice(1)})`);
  }
  throw new Error(`Redis at ${host}:${u.port || 6379} answered PING with ${JSON.stringify(reply)}`);
}

/**
 * Returns a REDIS_URL that works: process.env.REDIS_URL when set (checked,
 * never started or installed), otherwise Redis on 127.0.0.1:6379, started —
 * or installed, as root — when missing. `host`/`port` are for tests only.
 */
export async function ensureRedis({ log = () => {}, host = LOCAL_HOST, port = 6379 } = {}) {
  const given = process.env.REDIS_URL?.trim();
  if (given) {
    try {
      await checkRedis(given);
    } catch (err) {
      throw new Error(
        `REDIS_URL (${redact(given)}) is not usable: ${err.message}\n  Fix REDIS_URL or that server; ` +
          "nothing is started or installed when REDIS_URL is set — unset it to use a local Redis.",
      );
    }
    log(`Redis: using REDIS_URL (${redact(given)})`);
    return given;
  }

  const url = `redis://${host}:${port}`;
  if (!(await isPortOpen(host, port))) await startLocalRedis({ host, port, log });
  try {
    await checkRedis(url);
  } catch (err) {
    throw new Error(`${err.message}\n  Or set REDIS_URL to a Redis you can use.`);
  }
  log(`Redis: using ${url}`);
  return url;
}

async function startLocalRedis({ host, port, log }) {
  if (!which("redis-server")) {
    log(`Redis: not reachable on ${host}:${port} and redis-server is not installed.`);
    if (!(await aptInstall(["redis-server"], log))) {
      throw new Error(
        `Redis is not running on ${host}:${port} and redis-server is not installed${isRoot() ? " (and apt-get is not available)" : ""}.\n` +
          "  Install it: sudo apt-get install -y redis-server   (Debian/Ubuntu)\n" +
          "  or set REDIS_URL=redis://host:6379 to use a Redis 6.2+ server elsewhere.",
      );
    }
    // The package's own service may have started it on 6379 during the install.
    if (await isPortOpen(host, port)) return;
  }

  // Root: the Debian package's directories. Otherwise somewhere we can write.
  const dataDir = isRoot() ? "/var/lib/redis" : join(homedir(), ".hookrelay", "redis");
  const logDir = isRoot() ? "/var/log/redis" : dataDir;
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, port === 6379 ? "redis-server.log" : `redis-server-${port}.log`);
  log(`Redis: not reachable on ${host}:${port}, starting redis-server (log: ${logFile})…`);
  // Nothing kept on disk, as on the CI machines: PostgreSQL is the source of truth.
  const bind = host === LOCAL_HOST ? ["127.0.0.1", "-::1"] : [host];
  const r = await run(
    "redis-server",
    ["--daemonize", "yes", "--bind", ...bind, "--port", String(port), "--save", "", "--appendonly", "no", "--dir", dataDir, "--logfile", logFile],
    { timeoutMs: 30_000 },
  );
  if (!r.ok) throw new Error(`Redis: redis-server would not start: ${r.out || `exit code ${r.code}`} (see ${logFile})`);
  if (!(await waitFor(() => isPortOpen(host, port), { what: "Redis", log }))) {
    throw new Error(`Redis: redis-server was started but nothing accepts connections on ${host}:${port} after ${WAIT_MS / 1000} s (see ${logFile}).`);
  }
}

// `node scripts/lib/services.mjs` prints the URLs it would use (starting services if needed).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const log = (m) => console.log(m);
  try {
    console.log(`DATABASE_URL=${await ensurePostgres({ log, databaseName: process.argv[2] ?? "hookrelay" })}`);
    console.log(`REDIS_URL=${await ensureRedis({ log })}`);
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
