// Applies prisma/migrations exactly as `prisma migrate deploy` does, without
// Prisma's native schema engine (which needs a download this project must not
// depend on). Rows in _prisma_migrations are the same, so the real CLI can take
// over at any time. See shared notes: advisory lock 72707369, sha256 checksums,
// one query per migration file, name order.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";

const LOCK_ID = 72707369;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  id VARCHAR(36) PRIMARY KEY NOT NULL,
  checksum VARCHAR(64) NOT NULL,
  finished_at TIMESTAMPTZ,
  migration_name VARCHAR(255) NOT NULL,
  logs TEXT,
  rolled_back_at TIMESTAMPTZ,
  started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  applied_steps_count INTEGER NOT NULL DEFAULT 0
)`;

export function listMigrations(migrationsDir) {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir)
    .filter((name) => statSync(join(migrationsDir, name)).isDirectory() && existsSync(join(migrationsDir, name, "migration.sql")))
    .sort((a, b) => a.localeCompare(b));
}

/** Applies the pending migrations; returns the names applied. */
export async function applyMigrations(databaseUrl, migrationsDir, { log = () => {} } = {}) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_ID]);
    try {
      return await applyLocked(client, migrationsDir, log);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [LOCK_ID]).catch(() => {});
    }
  } finally {
    await client.end();
  }
}

async function applyLocked(client, migrationsDir, log) {
  const { rows: t } = await client.query(`SELECT to_regclass('public."_prisma_migrations"') IS NOT NULL AS present`);
  if (!t[0].present) {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    if (rows[0].n > 0) {
      throw new Error(
        "The database schema is not empty and has no migration history (Prisma P3005). " +
          "Point DATABASE_URL at an empty database, or baseline it with `prisma migrate resolve`.",
      );
    }
    await client.query(CREATE_TABLE);
  }

  const { rows: history } = await client.query(
    `SELECT migration_name, finished_at, rolled_back_at, logs FROM "_prisma_migrations" ORDER BY started_at`,
  );
  const failed = history.find((r) => !r.finished_at && !r.rolled_back_at);
  if (failed) {
    throw new Error(
      `Migration ${failed.migration_name} failed earlier and was never resolved (Prisma P3009): ` +
        `${(failed.logs ?? "").split("\n")[0]}. Fix the database, then mark it with ` +
        "`prisma migrate resolve --applied|--rolled-back " +
        `${failed.migration_name}\`.`,
    );
  }
  const applied = new Set(history.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name));

  const done = [];
  for (const name of listMigrations(migrationsDir)) {
    if (applied.has(name)) continue;
    const sql = readFileSync(join(migrationsDir, name, "migration.sql"));
    const id = randomUUID();
    await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ($1, $2, $3)`, [
      id,
      createHash("sha256").update(sql).digest("hex"),
      name,
    ]);
    try {
      await client.query(sql.toString("utf8"));
    } catch (err) {
      await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, String(err.message)]);
      throw new Error(`Migration ${name} failed: ${err.message}`);
    }
    await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
    log(`applied migration ${name}`);
    done.push(name);
  }
  return done;
}
