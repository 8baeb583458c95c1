// scripts/lib/migrate.mjs against a real PostgreSQL: a scratch database is
// created, migration folders are written to a temp directory, and the rows in
// _prisma_migrations are checked against what `prisma migrate deploy` writes.
//   node --test scripts/lib/migrate.test.mjs
// MIGRATE_TEST_ADMIN_URL overrides the server (default: the local trust superuser).
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { applyMigrations, listMigrations } from "./migrate.mjs";

const ADMIN_URL = process.env.MIGRATE_TEST_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DB_NAME = `hookrelay_migrate_test_${randomBytes(4).toString("hex")}`;
const DB_URL = ADMIN_URL.replace(/\/[^/?#]*(\?|#|$)/, `/${DB_NAME}$1`);

const sha256 = (text) => createHash("sha256").update(Buffer.from(text, "utf8")).digest("hex");

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
const query = (sql, params, url = DB_URL) => withClient(url, (c) => c.query(sql, params)).then((r) => r.rows);

let dir;
const writeMigration = (name, sql) => {
  mkdirSync(join(dir, name), { recursive: true });
  writeFileSync(join(dir, name, "migration.sql"), sql);
};
const migrationRows = (schema = "public") =>
  query(`SELECT * FROM "${schema}"."_prisma_migrations" ORDER BY started_at, migration_name`);

const FIRST = "20260101000000_first";
const SECOND = "20260102000000_second";
const BROKEN = "20260103000000_broken";
const LATER = "20260104000000_later";
const FIRST_SQL = 'CREATE TABLE "Workspace" (id TEXT PRIMARY KEY, name TEXT NOT NULL);\n';
// Several statements, one of them a DO block with its own semicolons: sent as one query.
const SECOND_SQL = `-- CreateEnum
CREATE TYPE "Role" AS ENUM ('owner', 'viewer');
CREATE TABLE "Membership" (id TEXT PRIMARY KEY, "workspaceId" TEXT NOT NULL REFERENCES "Workspace"(id), role "Role" NOT NULL DEFAULT 'viewer');
DO $$ BEGIN INSERT INTO "Workspace" VALUES ('ws_1', 'first; with a semicolon'); END $$;
`;
// The first statement succeeds, the second fails: the whole file must roll back.
const BROKEN_SQL = 'CREATE TABLE "Half" (id INT);\nINSERT INTO "DoesNotExist" VALUES (1);\n';

describe("applyMigrations", { concurrency: false }, () => {
  before(async () => {
    await query(`CREATE DATABASE "${DB_NAME}"`, [], ADMIN_URL);
    dir = mkdtempSync(join(tmpdir(), "hookrelay-migrate-test-"));
    writeFileSync(join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
    // Written in reverse order: the order applied must come from the names.
    writeMigration(SECOND, SECOND_SQL);
    writeMigration(FIRST, FIRST_SQL);
  });

  after(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    await query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`, [], ADMIN_URL);
  });

  test("applies pending migrations in name order and records them as Prisma does", async () => {
    const lines = [];
    const applied = await applyMigrations(DB_URL, dir, { log: (m) => lines.push(m) });
    assert.deepEqual(applied, [FIRST, SECOND]);
    assert.equal(lines.length, 2);
    assert.match(lines[0], new RegExp(FIRST));
    assert.match(lines[1], new RegExp(SECOND));

    // The table has exactly Prisma's columns.
    const columns = await query(
      `SELECT column_name, data_type, character_maximum_length AS len, is_nullable, column_default
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    assert.deepEqual(
      columns.map((c) => [c.column_name, c.data_type, c.len, c.is_nullable]),
      [
        ["id", "character varying", 36, "NO"],
        ["checksum", "character varying", 64, "NO"],
        ["finished_at", "timestamp with time zone", null, "YES"],
        ["migration_name", "character varying", 255, "NO"],
        ["logs", "text", null, "YES"],
        ["rolled_back_at", "timestamp with time zone", null, "YES"],
        ["started_at", "timestamp with time zone", null, "NO"],
        ["applied_steps_count", "integer", null, "NO"],
      ],
    );
    const pk = await query(
      `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
        WHERE i.indrelid = '"_prisma_migrations"'::regclass AND i.indisprimary`,
    );
    assert.deepEqual(pk.map((r) => r.attname), ["id"]);

    const rows = await migrationRows();
    assert.deepEqual(rows.map((r) => r.migration_name), [FIRST, SECOND]);
    for (const [row, sql] of [[rows[0], FIRST_SQL], [rows[1], SECOND_SQL]]) {
      assert.match(row.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.equal(row.checksum, sha256(sql));
      assert.ok(row.finished_at instanceof Date);
      assert.ok(row.finished_at >= row.started_at);
      assert.equal(row.rolled_back_at, null);
      assert.equal(row.logs, null);
      assert.equal(row.applied_steps_count, 1);
    }
    // The migrations really ran, DO block included.
    assert.deepEqual(await query(`SELECT name FROM "Workspace"`), [{ name: "first; with a semicolon" }]);
    assert.deepEqual(await query(`SELECT enum_range(NULL::"Role")::text AS r`), [{ r: "{owner,viewer}" }]);
  });

  test("a second run applies nothing and writes no rows", async () => {
    const lines = [];
    assert.deepEqual(await applyMigrations(DB_URL, dir, { log: (m) => lines.push(m) }), []);
    assert.deepEqual(lines, []);
    assert.equal((await migrationRows()).length, 2);
  });

  test("a failing migration is rolled back, recorded with its error, and stops the run", async () => {
    writeMigration(BROKEN, BROKEN_SQL);
    writeMigration(LATER, 'CREATE TABLE "Later" (id INT);\n');
    await assert.rejects(applyMigrations(DB_URL, dir), (err) => {
      assert.match(err.message, new RegExp(`Migration ${BROKEN} failed`));
      assert.match(err.message, /42P01/);
      assert.match(err.message, /relation "DoesNotExist" does not exist/);
      assert.match(err.message, /line 2/);
      return true;
    });
    const rows = await migrationRows();
    assert.deepEqual(rows.map((r) => r.migration_name), [FIRST, SECOND, BROKEN]); // LATER not attempted
    const broken = rows[2];
    assert.equal(broken.finished_at, null);
    assert.equal(broken.rolled_back_at, null);
    assert.equal(broken.applied_steps_count, 0);
    assert.equal(broken.checksum, sha256(BROKEN_SQL));
    assert.match(broken.logs, /relation "DoesNotExist" does not exist/);
    // One query = one implicit transaction: the statement before the error left nothing.
    assert.deepEqual(await query(`SELECT to_regclass('"Half"') AS t`), [{ t: null }]);
  });

  test("with a failed migration on record, the next run refuses (P3009) and applies nothing", async () => {
    await assert.rejects(applyMigrations(DB_URL, dir), (err) => {
      assert.match(err.message, /P3009/);
      assert.match(err.message, new RegExp(`\`${BROKEN}\` migration started at .* failed: ERROR: relation "DoesNotExist" does not exist`));
      assert.match(err.message, /rolled_back_at = now\(\)/);
      return true;
    });
    assert.equal((await migrationRows()).length, 3);
    assert.deepEqual(await query(`SELECT to_regclass('"Later"') AS t`), [{ t: null }]);
  });

  test("once the failed row is marked rolled back, the fixed migration and the later ones apply", async () => {
    await query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1 AND finished_at IS NULL`, [BROKEN]);
    const fixed = 'CREATE TABLE "Half" (id INT);\n';
    writeMigration(BROKEN, fixed);
    assert.deepEqual(await applyMigrations(DB_URL, dir), [BROKEN, LATER]);
    const rows = await migrationRows();
    const brokenRows = rows.filter((r) => r.migration_name === BROKEN);
    assert.equal(brokenRows.length, 2); // the rolled-back attempt stays, as with Prisma
    assert.ok(brokenRows.some((r) => r.rolled_back_at && !r.finished_at));
    assert.ok(brokenRows.some((r) => r.finished_at && !r.rolled_back_at && r.checksum === sha256(fixed)));
    assert.deepEqual(await applyMigrations(DB_URL, dir), []);
  });

  test("refuses a non-empty schema without migration history (P3005)", async () => {
    await query(`CREATE SCHEMA legacy; CREATE TABLE legacy.old_table (id INT)`);
    await assert.rejects(applyMigrations(`${DB_URL}?schema=legacy`, dir), (err) => {
      assert.match(err.message, /P3005/);
      assert.match(err.message, /old_table/);
      return true;
    });
    assert.deepEqual(await query(`SELECT to_regclass('legacy."_prisma_migrations"') AS t`), [{ t: null }]);
  });

  test("?schema= puts the tables and the history in that schema; concurrent runs apply each migration once", async () => {
    const url = `${DB_URL}?schema=tenant_a`;
    const results = await Promise.all([applyMigrations(url, dir), applyMigrations(url, dir), applyMigrations(url, dir)]);
    const all = results.flat().sort();
    assert.deepEqual(all, listMigrations(dir).slice().sort());
    const rows = await migrationRows("tenant_a");
    assert.equal(rows.length, 4);
    assert.ok(rows.every((r) => r.finished_at && r.applied_steps_count === 1));
    assert.deepEqual(await query(`SELECT name FROM tenant_a."Workspace"`), [{ name: "first; with a semicolon" }]);
  });

  test("refuses a migration directory without migration.sql", async () => {
    mkdirSync(join(dir, "20260105000000_empty"));
    await assert.rejects(applyMigrations(DB_URL, dir), /20260105000000_empty .*has no migration\.sql/);
    rmSync(join(dir, "20260105000000_empty"), { recursive: true });
  });
});
