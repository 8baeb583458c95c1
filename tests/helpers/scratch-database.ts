// A database of its own, migrated from prisma/migrations, for tests that run
// their own worker processes: the suite's shared worker (whose reconciler looks
// at every overdue delivery in its database) then never touches their data.
import pg from "pg";
import { join } from "node:path";
// @ts-expect-error plain ESM helper without types
import { applyMigrations } from "../../scripts/lib/migrate.mjs";

async function databaseZone(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query("SELECT current_setting('TimeZone') AS tz")).rows[0].tz;
  } finally {
    await c.end();
  }
}

export async function createScratchDatabase(baseUrl: string, name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new URL(baseUrl);
  admin.pathname = "/postgres";
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await run(`CREATE DATABASE "${name}"`);
  // The same server zone as the suite's database (scripts/test.mjs sets a non-UTC one).
  const zone = await databaseZone(baseUrl);
  await run(`ALTER DATABASE "${name}" SET timezone TO '${zone.replace(/'/g, "''")}'`);
  await applyMigrations(url.toString(), join(process.cwd(), "prisma", "migrations"));
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
