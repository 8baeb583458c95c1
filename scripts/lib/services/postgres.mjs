// PostgreSQL for `npm start` / `npm test`:
//   - DATABASE_URL, when set, is used as it is: checked, its database created
//     if missing, and nothing is ever started or installed for it.
//   - Otherwise 127.0.0.1:5432, started (or installed, as root) when down, as
//     role hookrelay or postgres, the database created if missing.
// SQL goes through `pg`, the driver the app uses (it is installed by `npm ci`,
// which runs first); failures are told apart by their SQLSTATE or errno.
import pg from "pg";
import { LOCAL_HOST, firstLine, isPortOpen, isRoot, tryCommand, waitFor, which } from "./host.mjs";
import { startLocalPostgres } from "./postgres-cluster.mjs";
import { databaseOf, redact, withDatabase } from "./urls.mjs";

const APP_ROLE = "hookrelay"; // created (password = name) where local logins need a password
const DEFAULT_PORT = 5432;

// Node's errno codes for "nothing answers there" (refused, no route, no such host, no socket file).
const UNREACHABLE_ERRNOS = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "ENOENT"]);

/**
 * Sorts a failed connection or statement into what the caller acts on:
 * auth | nodb | starting | unreachable | error.
 */
export function failureKind(err) {
  const code = typeof err?.code === "string" ? err.code : "";
  const message = String(err?.message ?? "");
  if (code.startsWith("28")) return "auth"; // class 28: bad password, no such role, no pg_hba.conf entry, peer/ident failed
  if (code === "3D000") return "nodb"; // invalid_catalog_name: database does not exist
  if (code === "57P03") return "starting"; // cannot_connect_now: starting up, shutting down, in recovery
  if (UNREACHABLE_ERRNOS.has(code)) return "unreachable";
  if (!code) {
    // pg's own errors carry no code: its connect timeout ("timeout expired"), a server
    // that hung up during the handshake, and a SCRAM login without a password ("SASL: …").
    if (message === "timeout expired" || message.startsWith("Connection terminated")) return "unreachable";
    if (message.startsWith("SASL:")) return "auth";
  }
  return "error";
}

/** Runs one statement; resolves { rows } or { error, kind } (kind: failureKind's verdict). */
async function tryQuery(url, sql, params = []) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000, query_timeout: 10_000 });
  client.on("error", () => {}); // a connection lost later is reported by the query that needs it
  try {
    await client.connect();
    return { rows: (await client.query(sql, params)).rows };
  } catch (error) {
    return { error, kind: failureKind(error) };
  } finally {
    await client.end().catch(() => {});
  }
}

// duplicate_database, or unique_violation when a concurrent CREATE DATABASE won the race.
const ALREADY_EXISTS = new Set(["42P04", "23505"]);

/** CREATE DATABASE `name` as the URL's user (so that role owns it); a concurrent creator is fine. */
async function createDatabase(url, name, log) {
  const admin = withDatabase(url, "postgres");
  log(`PostgreSQL: creating database ${name}`);
  const { error } = await tryQuery(admin, `CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  if (error && !ALREADY_EXISTS.has(error.code)) {
    throw new Error(`PostgreSQL: could not create database ${name} (as ${redact(admin)}): ${firstLine(error.message)}`);
  }
}

/**
 * Drops and recreates the database of `url` (tests start from an empty schema
 * every run), optionally with its own default time zone.
 */
export async function recreateDatabase(url, { timezone, log = () => {} } = {}) {
  const name = pg.escapeIdentifier(databaseOf(url));
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
    if (timezone) await client.query(`ALTER DATABASE ${name} SET timezone TO ${pg.escapeLiteral(timezone)}`);
  } finally {
    await client.end();
  }
  log(`recreated database ${databaseOf(url)}`);
}

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
export async function ensurePostgres({ log = () => {}, databaseName = "hookrelay", host = LOCAL_HOST, port = DEFAULT_PORT } = {}) {
  const given = process.env.DATABASE_URL?.trim();
  if (given) return useGivenPostgres(given, databaseName, log);

  if (!(await isPortOpen(host, port))) await startLocalPostgres({ host, port, log });
  const { url, user } = await chooseLocalRole({ host, port, databaseName, log });
  const target = withDatabase(url, databaseName);
  log(`PostgreSQL: using ${redact(target)}${user === "postgres" ? " (local superuser)" : ""}`);
  return target;
}

/** What to tell the user about a DATABASE_URL that failed with `kind`. */
export function givenUrlHint(kind) {
  if (kind === "auth") return "the server refused the user/password in it";
  if (kind === "unreachable") return "nothing answers at that address";
  if (kind === "starting") return "the server is still starting up; try again in a moment";
  return "see the error above";
}

async function useGivenPostgres(given, databaseName, log) {
  const url = databaseOf(given) ? given : withDatabase(given, databaseName);
  const shown = redact(url);
  log(`PostgreSQL: checking DATABASE_URL (${shown})…`);
  let r = await tryQuery(url, "SELECT 1");
  if (r.kind === "nodb") {
    await createDatabase(url, databaseOf(url), log);
    r = await tryQuery(url, "SELECT 1");
  }
  if (r.error) {
    throw new Error(
      `DATABASE_URL (${shown}) is not usable: ${firstLine(r.error.message)}\n  (${givenUrlHint(r.kind)}.) Fix DATABASE_URL or that server; ` +
        "nothing is started or installed when DATABASE_URL is set — unset it to use a local PostgreSQL.",
    );
  }
  return url;
}

/**
 * Can `user` set up and use the database, going by the probe's row? Yes when
 * superuser, when it owns the database, or when there is none yet and it may
 * create one (then it will own it).
 */
export function roleFits({ superuser, createdb, owner }, user) {
  return superuser || owner === user || (owner === "" && createdb);
}

const PROBE_SQL =
  "SELECT r.rolsuper AS superuser, r.rolcreatedb AS createdb, " +
  "coalesce((SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = $1), '') AS owner " +
  "FROM pg_roles r WHERE r.rolname = current_user";

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
  const probe = () =>
    Promise.all(
      candidates.map(async (c) => {
        const r = await tryQuery(c.url, PROBE_SQL, [databaseName]);
        const row = r.rows?.[0];
        return { ...c, r, fits: Boolean(row && roleFits(row, c.user)), dbExists: Boolean(row && row.owner !== "") };
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
    if (app.r.error) {
      throw new Error(
        `PostgreSQL: created role ${APP_ROLE}, but it still cannot log in over TCP at ${host}:${port}: ${firstLine(app.r.error.message)}\n` +
          "  pg_hba.conf must allow password logins from 127.0.0.1 (Debian's default: host all all 127.0.0.1/32 scram-sha-256),\n" +
          "  or set DATABASE_URL.",
      );
    }
  }
  if (!chosen) {
    const loggedIn = probes.find((p) => p.r.rows);
    if (loggedIn) {
      // Logs in but may lack rights on an existing database: go on, say why it may fail.
      log(`PostgreSQL: warning: ${loggedIn.user} neither owns ${databaseName} nor is superuser; migrations may fail with "permission denied"`);
      chosen = loggedIn;
    }
  }
  if (!chosen) {
    const why = probes.map((p) => `${p.user}: ${firstLine(p.r.error.message)}`).join("\n    ");
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

/**
 * CREATE (or re-enable) role hookrelay as the postgres OS user. This is the one
 * place psql is used: peer authentication over the Unix socket needs a process
 * running as that user, and Debian's postgresql package brings psql with it.
 */
async function createAppRole({ port, log }) {
  log(`PostgreSQL: local logins need a password; creating (or resetting) role ${APP_ROLE} (password ${APP_ROLE}, CREATEDB) as the postgres user…`);
  const role = pg.escapeIdentifier(APP_ROLE);
  const password = pg.escapeLiteral(APP_ROLE);
  const sql =
    `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${pg.escapeLiteral(APP_ROLE)}) THEN ` +
    `CREATE ROLE ${role} LOGIN CREATEDB PASSWORD ${password}; ` +
    `ELSE ALTER ROLE ${role} LOGIN CREATEDB PASSWORD ${password}; END IF; END $$;`;
  const r = await tryCommand("runuser", ["-u", "postgres", "--", "psql", "-X", "-w", "-p", String(port), "-v", "ON_ERROR_STOP=1", "-Atqc", sql], {
    timeoutMs: 30_000,
    cwd: "/", // postgres may not be allowed into the current directory
  });
  if (!r.ok) throw new Error(`PostgreSQL: could not create role ${APP_ROLE} as the postgres user: ${r.out}`);
}
