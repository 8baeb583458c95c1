// Attempts of one webhook grouped into time buckets for the detail page's charts.
// Buckets with no attempts are filled in, so a chart's x axis is the whole window.
import { db } from "../db";
import type { StatsBucket } from "../validation/webhook-stats";

// Candidate bucket sizes, smallest first; the first one giving at most MAX_BUCKETS wins.
const BUCKET_SIZES_S = [60, 300, 900, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86_400];
const MAX_BUCKETS = 96;

export function bucketSeconds(windowHours: number): number {
  const windowS = windowHours * 3600;
  return BUCKET_SIZES_S.find((size) => windowS / size <= MAX_BUCKETS) ?? 86_400;
}

interface BucketRow {
  bucket: bigint;
  attempts: bigint;
  successful: bigint;
  avg: number | null;
  p95: number | null;
}

export const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

export async function statsSeries(endpointId: string, since: Date, now: Date, bucketS: number): Promise<StatsBucket[]> {
  const rows = await db.$queryRaw<BucketRow[]>`
    SELECT floor(extract(epoch FROM a."createdAt") / ${bucketS})::bigint AS bucket,
           count(*) AS attempts,
           count(*) FILTER (WHERE a."responseStatus" BETWEEN 200 AND 299) AS successful,
           avg(a."durationMs")::float8 AS avg,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY a."durationMs")::float8 AS p95
      FROM "Attempt" a JOIN "Delivery" d ON d.id = a."deliveryId"
     WHERE d."endpointId" = ${endpointId} AND a."createdAt" >= ${since}
     GROUP BY 1`;
  const byBucket = new Map(rows.map((r) => [Number(r.bucket), r]));
  const first = Math.floor(since.getTime() / 1000 / bucketS);
  const last = Math.floor(now.getTime() / 1000 / bucketS);
  const series: StatsBucket[] = [];
  for (let b = first; b <= last; b++) {
    const row = byBucket.get(b);
    const attempts = row ? Number(row.attempts) : 0;
    const successful = row ? Number(row.successful) : 0;
    series.push({
      start: new Date(b * bucketS * 1000).toISOString(),
      attempts,
      successful,
      failed: attempts - successful,
      success_rate: attempts ? round1((successful / attempts) * 100) : null,
      avg_latency_ms: round1(row?.avg ?? null),
      p95_latency_ms: round1(row?.p95 ?? null),
    });
  }
  return series;
}
