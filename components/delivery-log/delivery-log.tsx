"use client";
// The delivery log: filter by status, event type and time range; pick a
// delivery to inspect every attempt's request and response; replay it.
import { useState } from "react";
import type { AttemptView } from "@/lib/validation/delivery";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/query-states";
import { StatusBadge } from "@/components/ui/status-badge";
import { TruncatedText } from "@/components/ui/truncated-text";
import { AttemptDetails } from "@/components/webhooks/attempt-details";
import { useCanWrite } from "@/components/workspaces/use-workspaces";
import type { LogFilters } from "./api";
import { useDeliveryDetail, useDeliveryLog, useReplayDelivery } from "./use-delivery-log";

const STATUSES = ["", "pending", "sending", "succeeded", "failed", "skipped"];
const toIso = (local: string) => (local ? new Date(local).toISOString() : undefined);

export function DeliveryLog() {
  const [filters, setFilters] = useState<LogFilters>({});
  const [since, setSince] = useState("");
  const [until, setUntil] = useState("");
  const [selected, setSelected] = useState<string | null>(null);
  const list = useDeliveryLog({ ...filters, since: toIso(since), until: toIso(until) });
  const rows = list.data?.data ?? [];

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <Card title="Delivery log" description="Newest first. Pick one to see every attempt.">
        <div className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3 text-sm">
          <Field compact label="Status">
            <Select value={filters.status ?? ""} onChange={(e) => setFilters((f) => ({ ...f, status: e.target.value || undefined }))}>
              {STATUSES.map((s) => <option key={s} value={s}>{s || "any"}</option>)}
            </Select>
          </Field>
          <Field compact label="Event type">
            <Input value={filters.event_type ?? ""} onChange={(e) => setFilters((f) => ({ ...f, event_type: e.target.value.trim() || undefined }))} placeholder="scan.completed" />
          </Field>
          <Field compact label="From">
            <Input type="datetime-local" value={since} onChange={(e) => setSince(e.target.value)} />
          </Field>
          <Field compact label="To">
            <Input type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} />
          </Field>
        </div>
        {list.isPending ? (
          <LoadingState>Loading deliveries…</LoadingState>
        ) : list.isError ? (
          <ErrorState title="Could not load deliveries" error={list.error} onRetry={() => void list.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState>No deliveries match these filters.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {rows.map((d) => (
              <li key={d.id}>
                <button type="button" onClick={() => setSelected(d.id)} aria-pressed={selected === d.id} data-delivery-row={d.id} className={`grid w-full grid-cols-[1fr_auto_auto] items-center gap-3 px-4 py-2 text-left text-sm hover:bg-slate-50 ${selected === d.id ? "bg-sky-50" : ""}`}>
                  <span className="min-w-0">
                    <span className="font-mono text-xs">{d.event_type}</span>
                    <TruncatedText text={d.webhook_url} className="text-xs text-slate-500" />
                  </span>
                  <StatusBadge status={d.status} />
                  <span className="text-xs text-slate-500"><LocalTime iso={d.last_attempt_at ?? d.created_at} /></span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {selected ? <DeliveryInspector id={selected} /> : <Card title="Attempts"><EmptyState>Select a delivery.</EmptyState></Card>}
    </div>
  );
}

function DeliveryInspector({ id }: { id: string }) {
  const detail = useDeliveryDetail(id);
  const replay = useReplayDelivery();
  const canWrite = useCanWrite();
  const d = detail.data;
  return (
    <Card
      title="Attempts"
      description={d ? `${d.event_type} → ${d.webhook_url}` : undefined}
      actions={
        canWrite && d ? (
          <Button variant="primary" disabled={replay.isPending} onClick={() => replay.mutate(d.id)}>
            Replay
          </Button>
        ) : null
      }
    >
      {replay.isSuccess ? <p role="status" className="border-b border-slate-200 px-4 py-2 text-sm text-emerald-700">Replay queued: one more attempt.</p> : null}
      {detail.isPending ? (
        <LoadingState>Loading attempts…</LoadingState>
      ) : detail.isError ? (
        <ErrorState title="Could not load the delivery" error={detail.error} />
      ) : d!.attempt_list.length === 0 ? (
        <EmptyState>No attempt yet.</EmptyState>
      ) : (
        <ol className="divide-y divide-slate-100">
          {d!.attempt_list.map((a) => (
            <li key={a.id} className="space-y-2 px-4 py-3" data-attempt={a.number}>
              <div className="flex items-center gap-3 text-sm">
                <span className="font-medium">Attempt {a.number}</span>
                <span className="text-xs text-slate-500">{a.trigger}</span>
                <span className="font-mono text-xs">{a.response.status ?? "—"}</span>
                <span className="text-xs text-slate-500">{a.response.duration_ms} ms</span>
                <span className="ml-auto text-xs text-slate-500"><LocalTime iso={a.created_at} /></span>
              </div>
              <AttemptDetails attempt={asLog(a)} />
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

const asLog = (a: AttemptView) => ({
  id: a.id,
  webhook_id: "",
  delivery_id: a.delivery_id,
  event_id: "",
  event_type: "",
  attempt: a.number,
  trigger: a.trigger,
  url: a.request.url,
  status: a.response.status,
  duration_ms: a.response.duration_ms,
  error: a.response.error,
  request_headers: a.request.headers,
  request_body: a.request.body,
  response_headers: a.response.headers,
  response_body: a.response.body,
  created_at: a.created_at,
});
