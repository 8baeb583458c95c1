// One Prisma client per process, over node-postgres (Prisma 7 needs no engine binary).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { config } from "./config";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient() {
  const adapter = new PrismaPg({
    connectionString: config().DATABASE_URL,
    max: config().DATABASE_POOL_SIZE,
    // Timestamps are stored without a zone, in UTC (Prisma's convention). Raw SQL
    // that says now() or casts a timestamptz would follow the server's zone
    // instead (Debian sets it to the machine's), so every session runs in UTC.
    options: "-c TimeZone=UTC",
  });
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = globalForPrisma.prisma ?? createClient();
// Next's dev server re-evaluates modules on change; keep one pool.
if (config().NODE_ENV !== "production") globalForPrisma.prisma = db;

export { Prisma } from "./generated/prisma/client";
