// Applies prisma/migrations the way `prisma migrate deploy` does, without
// Prisma's native schema engine (it needs a download this project must not
// depend on). The rows written to "_prisma_migrations" are the ones the engine
// writes, so the real CLI (`prisma migrate status|deploy`) can take over any time:
//   - pg_advisory_lock(72707369) for the whole run, as the engine takes it;
//   - no "_prisma_migrations" but tables in the schema: refuse (Prisma P3005);
//   - a row with neither finished_at nor rolled_back_at: refuse (Prisma P3009);
//   - directories in name order (localeCompare); names already applied and not
//     rolled back are skipped;
//   - per new migration: INSERT its row (random UUID, sha256 hex of the
//     migration.sql bytes, directory name), run the whole file as ONE query
//     (several statements in one simple query run in one implicit transaction,
//     as with the engine), then finished_at = now(), applied_steps_count = 1;
//     on error the message goes into `logs` and the run stops (Prisma P3018).
// Runs after `npm ci`, so it may use `pg`.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";

const { Client } = pg;

export const PRISMA_LOCK_ID = 72707369;
const LOCK_WAIT_MS = 120_000;

const ident = (s) => `"${String(s).replace(/"/g, '""')}"`;

/** The `?schema=` of a Prisma DATABASE_URL ("public" when none), where Prisma keeps its tables. */
export function schemaOf(databaseUrl) {
  const query = /\?([^#]*)/.exec(databaseUrl)?.[1] ?? "";
  return new URLSearchParams(query).get("schema") || "public";
}

/** sha256 hex of the file's bytes: the checksum Prisma stores (same as `sha256sum`). */
export function checksumOf(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Migration directory names in the order they are applied. Throws on a directory without migration.sql. */
export function listMigrations(migrationsDir) {
  if (!existsSync(migrationsDir)) return [];
  const names = readdirSync(migrationsDir)
    .filter((name) => statSync(join(migrationsDir, name)).isDirectory())
    .sort((a, b) => a.localeCompare(b));
  for (const name of names) {
    if (!existsSync(join(migrationsDir, name, "migration.sql"))) {
      throw new Error(`Migration directory ${name} in ${migrationsDir} has no migration.sql (remove the directory or add the file).`);
    }
  }
  return names;
}

/** migration_lock.toml, when present, must say postgresql (Prisma refuses other providers too, P3019). */
function checkLockFile(migrationsDir) {
  const path = join(migrationsDir, "migration_lock.toml");
  if (!existsSync(path)) return;
  const provider = /^\s*provider\s*=\s*"([^"]*)"/m.exec(readFileSync(path, "utf8"))?.[1];
  if (provider && provider !== "postgresql") {
    throw new Error(`${path} says provider = "${provider}", but these migrations are applied to PostgreSQL (like Prisma's P3019).`);
  }
}

/**
 * Applies the pending migrations in `migrationsDir` to `databaseUrl`.
 * Resolves with the names applied (in order; [] when up to date). Rejects with
 * a message that says what to do when the database has no migration history
 * but tables, when an earlier migration failed, or when one fails now.
 */
export async function applyMigrations(databaseUrl, migrationsDir, { log = () => {} } = {}) {
  checkLockFile(migrationsDir);
  const names = listMigrations(migrationsDir);
  const schema = schemaOf(databaseUrl);

  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {}); // a dropped connection surfaces as the failing query's error
  await client.connect();
  try {
    await acquireLock(client, log);
    try {
      return await applyLocked(client, { migrationsDir, names, schema, log });
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_LOCK_ID]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}

/** pg_advisory_lock, but saying so while another deploy holds it, and giving up after LOCK_WAIT_MS. */
async function acquireLock(client, log) {
  const started = Date.now();
  let said = false;
  for (;;) {
    const { rows } = await client.query("SELECT pg_try_advisory_lock($1) AS ok", [PRISMA_LOCK_ID]);
    if (rows[0].ok) return;
    if (Date.now() - started > LOCK_WAIT_MS) {
      throw new Error(
        `Another migration run has held the migration lock (pg_advisory_lock(${PRISMA_LOCK_ID})) for over ${LOCK_WAIT_MS / 1000} s; ` +
          "wait for it to finish (or end its connection) and try again.",
      );
    }
    if (!said) log("migrations: another migration run holds the lock; waiting for it…");
    said = true;
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function applyLocked(client, { migrationsDir, names, schema, log }) {
  const table = `${ident(schema)}."_prisma_migrations"`;
  // Prisma creates the schema of ?schema= when missing and works inside it. Checked
  // first: CREATE SCHEMA IF NOT EXISTS needs CREATE on the database even when it exists.
  const { rows: ns } = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema]);
  if (ns.length === 0) await client.query(`CREATE SCHEMA ${ident(schema)}`);
  await client.query(`SET search_path TO ${ident(schema)}`);

  const { rows: present } = await client.query("SELECT to_regclass($1) IS NOT NULL AS present", [table]);
  if (!present[0].present) {
    const { rows } = await client.query(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY c.relname LIMIT 5`,
      [schema],
    );
    if (rows.length > 0) {
      throw new Error(
        `The database schema "${schema}" is not empty (tables: ${rows.map((r) => r.relname).join(", ")}${rows.length === 5 ? ", …" : ""}) ` +
          "but has no migration history (_prisma_migrations), so migrations will not be applied to it (like Prisma's P3005).\n" +
          "  Point DATABASE_URL at an empty database, or baseline this one: record the migrations that are already in it " +
          "(`prisma migrate resolve --applied <name>`).",
      );
    }
    await client.query(`CREATE TABLE ${table} (
      id VARCHAR(36) PRIMARY KEY NOT NULL,
      checksum VARCHAR(64) NOT NULL,
      finished_at TIMESTAMPTZ,
      migration_name VARCHAR(255) NOT NULL,
      logs TEXT,
      rolled_back_at TIMESTAMPTZ,
      started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
      applied_steps_count INTEGER NOT NULL DEFAULT 0
    )`);
  }

  const { rows: history } = await client.query(
    `SELECT migration_name, checksum, started_at, finished_at, rolled_back_at, logs FROM ${table} ORDER BY started_at`,
  );
  const failed = history.filter((r) => !r.finished_at && !r.rolled_back_at);
  if (failed.length > 0) {
    const lines = failed.map(
      (r) => `The \`${r.migration_name}\` migration started at ${r.started_at.toISOString()} failed: ${firstErrorLine(r.logs)}`,
    );
    const name = failed[0].migration_name;
    throw new Error(
      "Found failed migrations in the target database; new migrations will not be applied (like Prisma's P3009).\n" +
        `  ${lines.join("\n  ")}\n` +
        "  Undo or finish by hand what it left behind, then mark it, either rolled back (it is re-applied next time):\n" +
        `    UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${name}' AND finished_at IS NULL;\n` +
        "  or applied (you completed it by hand):\n" +
        `    UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE migration_name = '${name}' AND finished_at IS NULL;\n` +
        `  (the same as \`prisma migrate resolve --rolled-back|--applied ${name}\`).`,
    );
  }

  const applied = new Map(history.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => [r.migration_name, r.checksum]));
  const done = [];
  for (const name of names) {
    const bytes = readFileSync(join(migrationsDir, name, "migration.sql"));
    const checksum = checksumOf(bytes);
    if (applied.has(name)) {
      // `migrate deploy` does not stop for this either, but an edited migration is worth knowing about.
      if (applied.get(name) !== checksum) log(`migrations: warning: ${name}/migration.sql was changed after it was applied`);
      continue;
    }
    const id = randomUUID();
    await client.query(`INSERT INTO ${table} (id, checksum, migration_name) VALUES ($1, $2, $3)`, [id, checksum, name]);
    const started = Date.now();
    const sql = bytes.toString("utf8");
    try {
      await client.query(sql);
    } catch (err) {
      const report = describeSqlError(err, sql);
      await client
        .query(`UPDATE ${table} SET logs = $2 WHERE id = $1`, [id, `Migration name: ${name}\n\n${report}`])
        .catch(() => {}); // the connection itself may be gone; the row still marks the failure
      throw new Error(
        `Migration ${name} failed; new migrations cannot be applied until it is resolved (like Prisma's P3018).\n` +
          `  ${report.replace(/\n/g, "\n  ")}\n` +
          "  Nothing after it was applied. Fix the migration or the database, mark the failed row " +
          "(the next run says how), then run again.",
      );
    }
    await client.query(`UPDATE ${table} SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
    log(`migrations: applied ${name} (${Date.now() - started} ms)`);
    done.push(name);
  }
  return done;
}

/** "Database error code: …\n\nDatabase error:\nERROR: … (line N)" — what Prisma writes into `logs`. */
function describeSqlError(err, sql) {
  const parts = [];
  if (err.code) parts.push(`Database error code: ${err.code}`);
  let text = `ERROR: ${err.message}`;
  if (err.position) {
    const line = sql.slice(0, Number(err.position) - 1).split("\n").length;
    text += ` (migration.sql line ${line})`;
  }
  if (err.detail) text += `\nDETAIL: ${err.detail}`;
  if (err.hint) text += `\nHINT: ${err.hint}`;
  if (err.where) text += `\nCONTEXT: ${err.where}`;
  parts.push(`Database error:\n${text}`);
  return parts.join("\n\n");
}

function firstErrorLine(logs) {
  if (!logs) return "(no error recorded)";
  return logs.split("\n").find((l) => l.startsWith("ERROR:")) ?? logs.split("\n").find(Boolean) ?? "(no error recorded)";
}
