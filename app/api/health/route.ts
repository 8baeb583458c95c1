// Liveness for scripts and load balancers: the web process, PostgreSQL and Redis.
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { readyRedis } from "@/lib/redis";

export const dynamic = "force-dynamic";

export async function GET() {
  const checks = { database: "ok", redis: "ok" };
  await db.$queryRaw`SELECT 1`.catch(() => (checks.database = "unreachable"));
  await readyRedis()
    .then((redis) => redis.ping())
    .catch(() => (checks.redis = "unreachable"));
  const ok = checks.database === "ok" && checks.redis === "ok";
  return NextResponse.json({ status: ok ? "ok" : "degraded", checks }, { status: ok ? 200 : 503 });
}
