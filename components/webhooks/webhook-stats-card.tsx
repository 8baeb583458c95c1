"use client";
import { Card } from "@/components/ui/card";
import { ErrorState, LoadingState } from "@/components/ui/query-states";
import { useWebhookStats } from "./use-webhook-stats";

const pct = (x: number | null) => (x === null ? "—" : `${x} %`);
const ms = (x: number | null) => (x === null ? "—" : `${x} ms`);

export function WebhookStatsCard({ id }: { id: string }) {
  const query = useWebhookStats(id);
  return (
    <Card title="Stats" description={query.data ? `Attempts in the last ${query.data.window_hours} h` : undefined}>
      {query.isPending ? (
        <LoadingState>Loading stats…</LoadingState>
      ) : query.isLoadingError ? (
        <ErrorState title="Could not load stats" error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <dl className="grid grid-cols-2 gap-4 px-4 py-3 sm:grid-cols-3 lg:grid-cols-6">
          <Stat label="Attempts" value={String(query.data.attempts)} />
          <Stat label="Success rate" value={pct(query.data.success_rate)} />
          <Stat label="Error rate" value={pct(query.data.error_rate)} />
          <Stat label="Avg latency" value={ms(query.data.avg_latency_ms)} />
          <Stat label="p95 latency" value={ms(query.data.p95_latency_ms)} />
          <Stat label="Queue depth" value={String(query.data.queue_depth)} />
        </dl>
      )}
    </Card>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div data-stat={label}>
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-lg font-semibold tabular-nums text-slate-900">{value}</dd>
    </div>
  );
}
