// Delivery counts per endpoint for the webhook list, in one grouped query.
import { db, Prisma } from "../db";
import { EMPTY_STATS, type EndpointStats } from "./serialize";

interface StatsRow {
  endpointId: string;
  total: bigint;
  succeeded: bigint;
  failed: bigint;
  lastDelivery: Date | null;
}

export async function endpointStats(workspaceId: string, endpointIds: string[]): Promise<Map<string, EndpointStats>> {
  const result = new Map<string, EndpointStats>();
  if (endpointIds.length === 0) return result;
  const rows = await db.$queryRaw<StatsRow[]>`
    SELECT "endpointId",
           count(*)                                       AS total,
           count(*) FILTER (WHERE status = 'succeeded')   AS succeeded,
           count(*) FILTER (WHERE status = 'failed')      AS failed,
           max("lastAttemptAt")                           AS "lastDelivery"
      FROM "Delivery"
     WHERE "workspaceId" = ${workspaceId} AND "endpointId" IN (${Prisma.join(endpointIds)})
     GROUP BY "endpointId"`;
  const endpoints = await db.endpoint.findMany({
    where: { id: { in: endpointIds } },
    select: { id: true, lastSuccessAt: true, lastFailureAt: true },
  });
  for (const e of endpoints) result.set(e.id, { ...EMPTY_STATS, lastSuccess: e.lastSuccessAt, lastFailure: e.lastFailureAt });
  for (const r of rows) {
    const s = result.get(r.endpointId) ?? { ...EMPTY_STATS };
    result.set(r.endpointId, {
      ...s,
      total: Number(r.total),
      succeeded: Number(r.succeeded),
      failed: Number(r.failed),
      lastDelivery: r.lastDelivery,
    });
  }
  return result;
}
