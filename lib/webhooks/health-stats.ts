// Pixel Patrol's health metrics for one webhook over a time window: success rate,
// error rate, average and p95 latency, and queue depth (deliveries waiting),
// plus the same per time bucket for the detail page's charts.
import { db } from "../db";
import { notFound } from "../api/errors";
import type { WebhookStats } from "../validation/webhook-stats";
import { bucketSeconds, round1, statsSeries } from "./stats-series";

export type { WebhookStats };

export async function webhookStats(workspaceId: string, endpointId: string, windowHours: number): Promise<WebhookStats> {
  const endpoint = await db.endpoint.findFirst({ where: { id: endpointId, workspaceId, kind: "webhook" }, select: { id: true } });
  if (!endpoint) throw notFound("Webhook");
  const now = new Date();
  const since = new Date(now.getTime() - windowHours * 3_600_000);
  const bucketS = bucketSeconds(windowHours);
  const [row] = await db.$queryRaw<
    Array<{ attempts: bigint; successful: bigint; avg: number | null; p95: number | null }>
  >`
    SELECT count(*) AS attempts,
           count(*) FILTER (WHERE a."responseStatus" BETWEEN 200 AND 299) AS successful,
           avg(a."durationMs")::float8 AS avg,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY a."durationMs")::float8 AS p95
      FROM "Attempt" a JOIN "Delivery" d ON d.id = a."deliveryId"
     WHERE d."endpointId" = ${endpointId} AND a."createdAt" >= ${since}`;
  const [queueDepth, series] = await Promise.all([
    db.delivery.count({ where: { endpointId, status: { in: ["pending", "sending"] } } }),
    statsSeries(endpointId, since, now, bucketS),
  ]);
  const attempts = Number(row.attempts);
  const successful = Number(row.successful);
  return {
    webhook_id: endpointId,
    window_hours: windowHours,
    attempts,
    successful,
    failed: attempts - successful,
    success_rate: attempts ? round1((successful / attempts) * 100) : null,
    error_rate: attempts ? round1(((attempts - successful) / attempts) * 100) : null,
    avg_latency_ms: round1(row.avg),
    p95_latency_ms: round1(row.p95),
    queue_depth: queueDepth,
    bucket_seconds: bucketS,
    series,
  };
}
