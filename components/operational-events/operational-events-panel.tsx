"use client";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/query-states";
import { Table, Td, Th } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { TruncatedText } from "@/components/ui/truncated-text";
import type { OperationalFeedItem } from "./api";
import { useOperationalEvents } from "./use-operational-events";

const TONES: Record<string, string> = {
  "endpoint.disabled": "bg-rose-50 text-rose-700 ring-rose-600/20",
  "delivery.exhausted": "bg-rose-50 text-rose-700 ring-rose-600/20",
  "endpoint.enabled": "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  "delivery.recovered": "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
};

export function OperationalEventsPanel() {
  const query = useOperationalEvents();
  const retry = () => void query.refetch();
  return (
    <Card title="Operational events" description="What HookRelay reported about this workspace's endpoints and deliveries.">
      {query.isPending ? (
        <LoadingState>Loading operational events…</LoadingState>
      ) : query.isLoadingError ? (
        <ErrorState title="Could not load operational events" error={query.error} onRetry={retry} />
      ) : (
        <>
          {query.isRefetchError ? <ErrorState compact title="Could not refresh operational events" error={query.error} onRetry={retry} /> : null}
          {query.data.length === 0 ? (
            <EmptyState>Nothing to report: no endpoint was disabled and no delivery ran out of retries.</EmptyState>
          ) : (
            <OperationalEventsTable events={query.data} />
          )}
        </>
      )}
    </Card>
  );
}

function OperationalEventsTable({ events }: { events: OperationalFeedItem[] }) {
  return (
    <Table label="Operational events">
      <thead className="bg-slate-50">
        <tr>
          <Th>Time</Th>
          <Th>Type</Th>
          <Th>Webhook</Th>
          <Th>Details</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {events.map((e) => (
          <tr key={e.id} data-event-id={e.id} data-event-type={e.type}>
            <Td>
              <LocalTime iso={e.created_at} />
            </Td>
            <Td>
              <span className={`inline-flex whitespace-nowrap rounded-full px-2 py-0.5 font-mono text-xs font-medium ring-1 ring-inset ${TONES[e.type] ?? ""}`}>
                {e.type}
              </span>
            </Td>
            <Td>
              <WebhookCell data={e.data} />
            </Td>
            <Td>
              <TruncatedText text={summary(e)} maxWidth="max-w-md" />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

const plural = (n: string, one: string, many = `${one}s`) => `${n} ${n === "1" ? one : many}`;

const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : null);

function WebhookCell({ data }: { data: Record<string, unknown> }) {
  const id = str(data.webhook_id);
  const label = str(data.url) ?? id ?? "—";
  if (!id) return <TruncatedText text={label} className="font-mono text-xs" />;
  return (
    <TextLink quiet href={`/webhooks/${encodeURIComponent(id)}`}>
      <TruncatedText text={label} className="font-mono text-xs" />
    </TextLink>
  );
}

/** The one line an operator needs per type: why, and how many attempts or deliveries. */
function summary(e: OperationalFeedItem): string {
  const d = e.data;
  const parts: string[] = [];
  switch (e.type) {
    case "endpoint.disabled":
      if (str(d.reason)) parts.push(`reason: ${str(d.reason)}`);
      if (str(d.consecutive_failures)) parts.push(`${plural(str(d.consecutive_failures)!, "failure")} in a row`);
      if (str(d.pending_deliveries)) parts.push(`${plural(str(d.pending_deliveries)!, "delivery", "deliveries")} waiting`);
      break;
    case "endpoint.enabled":
      if (str(d.resumed_deliveries)) parts.push(`${plural(str(d.resumed_deliveries)!, "delivery", "deliveries")} resumed`);
      break;
    case "delivery.exhausted":
      if (str(d.event_type)) parts.push(str(d.event_type)!);
      if (str(d.attempts)) parts.push(plural(str(d.attempts)!, "attempt"));
      parts.push(`last error: ${str(d.last_error) ?? (str(d.last_status) ? `HTTP ${str(d.last_status)}` : "unknown")}`);
      break;
    case "delivery.recovered":
      if (str(d.event_type)) parts.push(str(d.event_type)!);
      if (str(d.attempts)) parts.push(`succeeded on attempt ${str(d.attempts)}`);
      break;
  }
  return parts.join(" · ") || "—";
}
