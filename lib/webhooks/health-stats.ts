// Seed 003's health metrics for one webhook over a time window: success rate,
// error rate, average and p95 latency, and queue depth (deliveries waiting).
import { db } from "../db";
import { notFound } from "../api/errors";

export interface WebhookStats {
  webhook_id: string;
  window_hours: number;
  attempts: number;
  successful: number;
  failed: number;
  success_rate: number | null;
  error_rate: number | null;
  avg_latency_ms: number | null;
  p95_latency_ms: number | null;
  queue_depth: number;
}

export async function webhookStats(workspaceId: string, endpointId: string, windowHours: number): Promise<WebhookStats> {
  const endpoint = await db.endpoint.findFirst({ where: { id: endpointId, workspaceId, kind: "webhook" }, select: { id: true } });
  if (!endpoint) throw notFound("Webhook");
  const since = new Date(Date.now() - windowHours * 3_600_000);
  const [row] = await db.$queryRaw<
    Array<{ attempts: bigint; successful: bigint; avg: number | null; p95: number | null }>
  >`
    SELECT count(*) AS attempts,
           count(*) FILTER (WHERE a."responseStatus" BETWEEN 200 AND 299) AS successful,
           avg(a."durationMs")::float8 AS avg,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY a."durationMs")::float8 AS p95
      FROM "Attempt" a JOIN "Delivery" d ON d.id = a."deliveryId"
     WHERE d."endpointId" = ${endpointId} AND a."createdAt" >= ${since}`;
  const queueDepth = await db.delivery.count({ where: { endpointId, status: { in: ["pending", "sending"] } } });
  const attempts = Number(row.attempts);
  const successful = Number(row.successful);
  const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
  return {
    webhook_id: endpointId,
    window_hours: windowHours,
    attempts,
    successful,
    failed: attempts - successful,
    success_rate: attempts ? round((successful / attempts) * 100) : null,
    error_rate: attempts ? round(((attempts - successful) / attempts) * 100) : null,
    avg_latency_ms: round(row.avg),
    p95_latency_ms: round(row.p95),
    queue_depth: queueDepth,
  };
}
