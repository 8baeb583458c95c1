"use client";
import { Fragment, useState } from "react";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/query-states";
import { Table, Td, Th } from "@/components/ui/table";
import { TruncatedText } from "@/components/ui/truncated-text";
import type { WebhookAttemptLog } from "./api";
import { AttemptDetails } from "./attempt-details";
import { useWebhookLogs } from "./use-webhook-logs";

export function RecentAttemptsCard({ id }: { id: string }) {
  const query = useWebhookLogs(id);
  const retry = () => void query.refetch();
  return (
    <Card title="Recent attempts" description="Every HTTP request made to this webhook, newest first. Expand a row for the request and response.">
      {query.isPending ? (
        <LoadingState>Loading attempts…</LoadingState>
      ) : query.isLoadingError ? (
        <ErrorState title="Could not load attempts" error={query.error} onRetry={retry} />
      ) : (
        <>
          {query.isRefetchError ? <ErrorState compact title="Could not refresh attempts" error={query.error} onRetry={retry} /> : null}
          {query.data.data.length === 0 ? <EmptyState>No attempts yet.</EmptyState> : <AttemptsTable attempts={query.data.data} />}
        </>
      )}
    </Card>
  );
}

function AttemptsTable({ attempts }: { attempts: WebhookAttemptLog[] }) {
  // Expanded rows stay expanded across polls: keyed by attempt id, not position.
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <Table label="Recent attempts">
      <thead className="bg-slate-50">
        <tr>
          <Th>Time</Th>
          <Th>Event type</Th>
          <Th className="text-right">Attempt</Th>
          <Th>Trigger</Th>
          <Th>Status</Th>
          <Th className="text-right">Duration</Th>
          <Th>Error</Th>
          <Th>
            <span className="sr-only">Details</span>
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {attempts.map((a) => {
          const expanded = open.has(a.id);
          const detailsId = `attempt-${a.id}`;
          return (
            <Fragment key={a.id}>
              <tr data-attempt-id={a.id} data-delivery-id={a.delivery_id}>
                <Td>
                  <LocalTime iso={a.created_at} />
                </Td>
                <Td className="font-mono text-xs">{a.event_type}</Td>
                <Td className="text-right tabular-nums">#{a.attempt}</Td>
                <Td>{a.trigger}</Td>
                <Td>
                  <HttpStatus status={a.status} />
                </Td>
                <Td className="whitespace-nowrap text-right tabular-nums">{a.duration_ms === null ? "—" : `${a.duration_ms} ms`}</Td>
                <Td>{a.error ? <TruncatedText text={a.error} className="text-rose-700" /> : <span className="text-slate-500">—</span>}</Td>
                <Td>
                  <Button
                    variant="link"
                    aria-expanded={expanded}
                    aria-controls={detailsId}
                    onClick={() => toggle(a.id)}
                    className="text-sm"
                  >
                    {expanded ? "Hide" : "Details"}
                  </Button>
                </Td>
              </tr>
              {expanded ? (
                <tr id={detailsId} data-attempt-details={a.id}>
                  <td colSpan={8} className="bg-slate-50 px-4 py-3">
                    <AttemptDetails attempt={a} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </Table>
  );
}

function HttpStatus({ status }: { status: number | null }) {
  if (status === null) return <span className="text-slate-500">no response</span>;
  const tone = status >= 200 && status < 300 ? "text-emerald-700" : "text-rose-700";
  return <span className={`font-mono tabular-nums ${tone}`}>{status}</span>;
}
