"use client";
import { useState } from "react";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/query-states";
import { StatsCharts } from "./stats-charts";
import { useWebhookStats } from "./use-webhook-stats";

const pct = (x: number | null) => (x === null ? "—" : `${x} %`);
const ms = (x: number | null) => (x === null ? "—" : `${x} ms`);

const WINDOWS = [
  { hours: 1, label: "Last hour" },
  { hours: 24, label: "Last 24 hours" },
  { hours: 24 * 7, label: "Last 7 days" },
  { hours: 24 * 30, label: "Last 30 days" },
];

/** Pixel Patrol's health metrics for a chosen window, then the same over time as charts. */
export function WebhookStatsCard({ id }: { id: string }) {
  const [windowHours, setWindowHours] = useState(24);
  const query = useWebhookStats(id, windowHours);
  const picker = (
    <label className="flex items-center gap-2">
      <span>Window</span>
      <Select value={windowHours} onChange={(e) => setWindowHours(Number(e.target.value))}>
        {WINDOWS.map((w) => (
          <option key={w.hours} value={w.hours}>
            {w.label}
          </option>
        ))}
      </Select>
    </label>
  );
  return (
    <Card title="Stats" description="Every attempt in the window, scheduled, manual and test." actions={picker}>
      {query.isPending ? (
        <LoadingState>Loading stats…</LoadingState>
      ) : query.isLoadingError ? (
        <ErrorState title="Could not load stats" error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          {query.isRefetchError ? <ErrorState compact title="Could not refresh stats" error={query.error} onRetry={() => void query.refetch()} /> : null}
          <dl className="grid grid-cols-2 gap-4 px-4 py-3 sm:grid-cols-3 lg:grid-cols-6">
            <Stat label="Attempts" value={String(query.data.attempts)} />
            <Stat label="Success rate" value={pct(query.data.success_rate)} />
            <Stat label="Error rate" value={pct(query.data.error_rate)} />
            <Stat label="Avg latency" value={ms(query.data.avg_latency_ms)} />
            <Stat label="p95 latency" value={ms(query.data.p95_latency_ms)} />
            <Stat label="Queue depth" value={String(query.data.queue_depth)} />
          </dl>
          {query.data.attempts === 0 ? (
            <EmptyState>No attempts in this window yet: send a test to see the charts fill.</EmptyState>
          ) : (
            <StatsCharts stats={query.data} />
          )}
        </>
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
