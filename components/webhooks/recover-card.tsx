"use client";
// Bulk recover (Svix's recover since/until): resend every failed delivery of
// this webhook in a time range, as a background job whose progress is shown.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { RecoverJobView } from "@/lib/validation/delivery";
import { fetchJson } from "@/components/api/fetch-json";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useCanWrite } from "@/components/workspaces/use-workspaces";

const toIso = (local: string) => (local ? new Date(local).toISOString() : undefined);

export function RecoverCard({ id }: { id: string }) {
  const canWrite = useCanWrite();
  const [since, setSince] = useState("");
  const [until, setUntil] = useState("");
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () =>
      fetchJson<RecoverJobView>(`/api/v1/webhooks/${encodeURIComponent(id)}/recover`, {
        method: "POST",
        json: { since: toIso(since), until: toIso(until) },
      }),
    // Errors name the since/until fields, so they stay next to the form.
    meta: { inlineErrors: true },
    onSuccess: (job) => setJobId(job.id),
  });
  const job = useQuery({
    queryKey: ["recover-jobs", jobId],
    queryFn: ({ signal }) => fetchJson<RecoverJobView>(`/api/v1/recover-jobs/${jobId}`, { signal }),
    enabled: !!jobId,
    // Poll until the job is done.
    refetchInterval: (q) => (q.state.data && ["completed", "failed"].includes(q.state.data.status) ? false : 500),
  });
  if (!canWrite) return null;
  const j = job.data ?? start.data;

  return (
    <Card title="Recover failed deliveries" description="Resend every failed delivery of this webhook created in a time range (once the receiver is fixed).">
      <form onSubmit={(e) => (e.preventDefault(), start.mutate())} className="flex flex-wrap items-end gap-3 p-4 text-sm">
        <Field compact label="Since">
          <Input type="datetime-local" required value={since} onChange={(e) => setSince(e.target.value)} />
        </Field>
        <Field compact label="Until (optional)">
          <Input type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} />
        </Field>
        <Button type="submit" variant="primary" disabled={start.isPending || !since}>
          Recover
        </Button>
        {start.isError ? <p role="alert" className="w-full text-rose-700">{start.error.message}</p> : null}
        {j ? (
          <p role="status" className="w-full text-slate-700" data-recover-status={j.status}>
            Recover {j.status}: {j.processed} of {j.total} resent
            <progress className="ml-3 align-middle" value={j.processed} max={Math.max(j.total, 1)} />
          </p>
        ) : null}
      </form>
    </Card>
  );
}
