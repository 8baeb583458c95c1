// PostgreSQL and Redis for `npm start`, `npm test` and the benchmark: found,
// started or installed when missing (see postgres.mjs and redis.mjs for the rules).
//
// `node scripts/lib/services/index.mjs [database]` prints the URLs it would use
// (starting services if needed).
import { pathToFileURL } from "node:url";
import { ensurePostgres } from "./postgres.mjs";
import { ensureRedis } from "./redis.mjs";

export { ensurePostgres, recreateDatabase } from "./postgres.mjs";
export { ensureRedis } from "./redis.mjs";

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
