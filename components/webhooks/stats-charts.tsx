"use client";
// The detail page's three charts over the stats window: attempt volume
// (succeeded / failed), success rate and latency (average and p95). Each chart
// has a text summary for screen readers; bucket times are in the user's locale.
import type { ReactElement } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { StatsBucket, WebhookStats } from "@/lib/validation/webhook-stats";

const HEIGHT = 180;
const COLORS = { ok: "#059669", failed: "#e11d48", rate: "#4f46e5", avg: "#0284c7", p95: "#d97706" };

/** Axis ticks: time of day for windows up to a day, date and time beyond. */
function timeFormatter(windowHours: number) {
  const format = new Intl.DateTimeFormat(undefined, windowHours <= 24 ? { timeStyle: "short" } : { month: "short", day: "numeric", hour: "numeric" });
  return (iso: string) => format.format(new Date(iso));
}
const fullTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const tooltipLabel = (label: unknown) => (typeof label === "string" ? `From ${fullTime.format(new Date(label))}` : "");

export function StatsCharts({ stats }: { stats: WebhookStats }) {
  const tick = timeFormatter(stats.window_hours);
  const series = stats.series;
  const axis = <XAxis dataKey="start" tickFormatter={tick} minTickGap={32} tick={{ fontSize: 11 }} />;
  return (
    <div className="grid gap-4 px-4 pb-4 lg:grid-cols-3">
      <ChartFigure name="volume" title="Volume" summary={`${stats.attempts} attempts: ${stats.successful} succeeded, ${stats.failed} failed.`}>
        <BarChart data={series}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          {axis}
          <YAxis allowDecimals={false} width={36} tick={{ fontSize: 11 }} />
          <Tooltip labelFormatter={tooltipLabel} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="successful" name="Succeeded" stackId="attempts" fill={COLORS.ok} isAnimationActive={false} />
          <Bar dataKey="failed" name="Failed" stackId="attempts" fill={COLORS.failed} isAnimationActive={false} />
        </BarChart>
      </ChartFigure>
      <ChartFigure name="success-rate" title="Success rate" summary={rateSummary(series)}>
        <LineChart data={series}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          {axis}
          <YAxis domain={[0, 100]} unit="%" width={44} tick={{ fontSize: 11 }} />
          <Tooltip labelFormatter={tooltipLabel} formatter={(v) => `${v} %`} />
          <Line dataKey="success_rate" name="Success rate" stroke={COLORS.rate} dot={{ r: 2 }} isAnimationActive={false} />
        </LineChart>
      </ChartFigure>
      <ChartFigure name="latency" title="Latency" summary={`Average ${stats.avg_latency_ms ?? "—"} ms, p95 ${stats.p95_latency_ms ?? "—"} ms.`}>
        <LineChart data={series}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          {axis}
          <YAxis unit=" ms" width={56} tick={{ fontSize: 11 }} />
          <Tooltip labelFormatter={tooltipLabel} formatter={(v) => `${v} ms`} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line dataKey="avg_latency_ms" name="Average" stroke={COLORS.avg} dot={{ r: 2 }} isAnimationActive={false} />
          <Line dataKey="p95_latency_ms" name="p95" stroke={COLORS.p95} dot={{ r: 2 }} isAnimationActive={false} />
        </LineChart>
      </ChartFigure>
    </div>
  );
}

function rateSummary(series: StatsBucket[]): string {
  const rates = series.flatMap((b) => (b.success_rate === null ? [] : [b.success_rate]));
  if (rates.length === 0) return "No attempts in this window.";
  return `Lowest ${Math.min(...rates)} %, highest ${Math.max(...rates)} % per bucket.`;
}

function ChartFigure({ name, title, summary, children }: { name: string; title: string; summary: string; children: ReactElement }) {
  return (
    <figure data-chart={name} className="min-w-0">
      <figcaption className="mb-1 text-sm font-medium text-slate-700">
        {title}
        <span className="sr-only"> — {summary}</span>
      </figcaption>
      <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: 320, height: HEIGHT }}>
        {children}
      </ResponsiveContainer>
    </figure>
  );
}
