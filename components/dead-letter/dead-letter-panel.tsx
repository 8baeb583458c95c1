"use client";
import { ScrollX } from "@/components/ui/table";
// The dead-letter queue (as Pixel Patrol has it): deliveries that used up their retries, with
// retry one / selected / all. Each retry is one more attempt, logged as manual.
import { useState } from "react";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/query-states";
import { TruncatedText } from "@/components/ui/truncated-text";
import { useDeadLetters } from "./use-dead-letters";
import { useRetryDeadLetters } from "./use-retry-dead-letters";
import { useCanWrite } from "@/components/workspaces/use-workspaces";

export function DeadLetterPanel() {
  const query = useDeadLetters();
  const retry = useRetryDeadLetters();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const rows = query.data?.data ?? [];
  const canWrite = useCanWrite();

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const run = (target: { ids: string[] } | "all") => retry.mutate(target, { onSuccess: () => setSelected(new Set()) });

  return (
    <Card
      title="Dead-letter queue"
      description="Deliveries that failed every attempt. Kept 30 days; retry them once the receiver is fixed."
      actions={
        canWrite && <>
          <Button disabled={selected.size === 0 || retry.isPending} onClick={() => run({ ids: [...selected] })}>
            Retry selected{selected.size ? ` (${selected.size})` : ""}
          </Button>
          <Button variant="primary" disabled={rows.length === 0 || retry.isPending} onClick={() => run("all")}>
            Retry all
          </Button>
        </>
      }
    >
      {retry.progress && retry.isPending ? (
        <div className="border-b border-slate-200 px-4 py-2 text-sm text-slate-600" role="status">
          Retrying… {retry.progress.done}/{retry.progress.total}
          <progress className="ml-3 align-middle" value={retry.progress.done} max={retry.progress.total} />
        </div>
      ) : null}
      {retry.isSuccess ? (
        <p role="status" className="border-b border-slate-200 px-4 py-2 text-sm text-emerald-700">
          {retry.data} {retry.data === 1 ? "delivery" : "deliveries"} queued for another attempt.
        </p>
      ) : null}
      {query.isPending ? (
        <LoadingState>Loading failed deliveries…</LoadingState>
      ) : query.isError ? (
        <ErrorState title="Could not load the dead-letter queue" error={query.error} onRetry={() => void query.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState>Nothing here: every delivery either succeeded or is still being retried.</EmptyState>
      ) : (
        <ScrollX label="Dead letters"><table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase text-slate-500">
            <tr>
              <th className="px-4 py-2"><span className="sr-only">Select</span></th>
              <th className="px-4 py-2">Event</th>
              <th className="px-4 py-2">Webhook</th>
              <th className="px-4 py-2">Attempts</th>
              <th className="px-4 py-2">Last error</th>
              <th className="px-4 py-2">Failed</th>
              <th className="px-4 py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((d) => (
              <tr key={d.id} data-dead-letter={d.id}>
                <td className="px-4 py-2">
                  <input type="checkbox" aria-label={`Select ${d.id}`} checked={selected.has(d.id)} onChange={() => toggle(d.id)} />
                </td>
                <td className="px-4 py-2 font-mono text-xs">{d.event_type}</td>
                <td className="px-4 py-2"><TruncatedText text={d.webhook_url} /></td>
                <td className="px-4 py-2 tabular-nums">{d.attempts}</td>
                <td className="px-4 py-2 text-rose-700"><TruncatedText text={d.last_error ?? (d.last_status ? `HTTP ${d.last_status}` : "—")} /></td>
                <td className="px-4 py-2 text-xs"><LocalTime iso={d.last_attempt_at} /></td>
                <td className="px-4 py-2">
                  {canWrite && <Button size="sm" disabled={retry.isPending} onClick={() => run({ ids: [d.id] })}>
                    Retry
                  </Button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table></ScrollX>
      )}
    </Card>
  );
}
