"use client";
// Every event type a webhook can subscribe to — the compatible platforms' and the
// workspace's own — with its description, JSON Schema and example payload.
import { useMemo, useState } from "react";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/query-states";
import { useEventTypes } from "./use-event-types";

export function EventCatalog() {
  const types = useEventTypes();
  const [q, setQ] = useState("");
  const shown = useMemo(() => (types.data ?? []).filter((t) => t.name.includes(q.trim()) || t.description.toLowerCase().includes(q.trim().toLowerCase())), [types.data, q]);
  return (
    <Card
      title="Event catalog"
      description="Subscribe webhooks to these types (or prefix.* / *). Custom types come from POST /api/v1/event-types."
      actions={<Input aria-label="Search event types" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search…" />}
    >
      {types.isPending ? (
        <LoadingState>Loading the catalog…</LoadingState>
      ) : types.isError ? (
        <ErrorState title="Could not load event types" error={types.error} onRetry={() => void types.refetch()} />
      ) : shown.length === 0 ? (
        <EmptyState>No event type matches.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {shown.map((t) => (
            <li key={t.name} data-event-type={t.name}>
              <details className="group px-4 py-2">
                <summary className="flex cursor-pointer items-center gap-3 text-sm">
                  <span className="font-mono text-xs text-slate-900">{t.name}</span>
                  <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-600">{t.source === "custom" ? "custom" : t.origin}</span>
                  {t.validate ? <span className="rounded bg-amber-50 px-1.5 text-xs text-amber-800">validated</span> : null}
                  <span className="truncate text-slate-600">{t.description}</span>
                </summary>
                <div className="mt-2 grid gap-3 lg:grid-cols-2">
                  <div>
                    <h3 className="text-xs font-semibold uppercase text-slate-500">Example data</h3>
                    <pre aria-label={`${t.name} example`} className="mt-1 max-h-80 overflow-auto rounded bg-slate-50 p-2 text-xs">{t.example ? JSON.stringify(t.example, null, 2) : "(none)"}</pre>
                  </div>
                  <div>
                    <h3 className="text-xs font-semibold uppercase text-slate-500">JSON Schema</h3>
                    <pre className="mt-1 max-h-80 overflow-auto rounded bg-slate-50 p-2 text-xs">{t.schema ? JSON.stringify(t.schema, null, 2) : "(none)"}</pre>
                  </div>
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
