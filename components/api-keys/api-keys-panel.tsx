"use client";
import { ScrollX } from "@/components/ui/table";
// API keys of the workspace: create one (its full value is shown once),
// see which are in use, revoke.
import { useState } from "react";
import { ALL_SCOPES } from "@/lib/api/scopes";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/query-states";
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from "./use-api-keys";
import { useCanWrite } from "@/components/workspaces/use-workspaces";

export function ApiKeysPanel() {
  const keys = useApiKeys();
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<Set<string>>(new Set(ALL_SCOPES));
  const [shown, setShown] = useState<string | null>(null);
  const canWrite = useCanWrite();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    create.mutate({ name, scopes: [...scopes] }, { onSuccess: (k) => (setShown(k.key), setName("")) });
  };

  return (
    <div className="space-y-6">
      {canWrite && <Card title="New API key" description="Use it as Authorization: Bearer <key>. Give it only the scopes it needs.">
        <form onSubmit={submit} className="space-y-3 p-4">
          <label className="block text-sm font-medium text-slate-700">
            Name
            <input value={name} onChange={(e) => setName(e.target.value)} className="mt-1 w-full max-w-sm rounded border border-slate-300 px-2 py-1.5 text-sm" placeholder="e.g. production ingest" />
          </label>
          <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <legend className="mb-1 text-sm font-medium text-slate-700">Scopes</legend>
            {ALL_SCOPES.map((s) => (
              <label key={s} className="flex items-center gap-1 font-mono text-xs">
                <input type="checkbox" checked={scopes.has(s)} onChange={(e) => setScopes((cur) => { const n = new Set(cur); if (e.target.checked) n.add(s); else n.delete(s); return n; })} />
                {s}
              </label>
            ))}
          </fieldset>
          {create.isError ? <p role="alert" className="text-sm text-rose-700">{create.error.message}</p> : null}
          <button type="submit" disabled={create.isPending} className="rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">Create key</button>
          {shown ? (
            <p className="rounded bg-amber-50 p-3 text-sm">
              Copy it now — it is not shown again: <code data-testid="new-api-key" className="break-all font-mono">{shown}</code>
            </p>
          ) : null}
        </form>
      </Card>}
      <Card title="API keys">
        {keys.isPending ? (
          <LoadingState>Loading keys…</LoadingState>
        ) : keys.isError ? (
          <ErrorState title="Could not load API keys" error={keys.error} onRetry={() => void keys.refetch()} />
        ) : keys.data.length === 0 ? (
          <EmptyState>No API keys yet.</EmptyState>
        ) : (
          <ScrollX label="API keys"><table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase text-slate-500">
              <tr><th className="px-4 py-2">Name</th><th className="px-4 py-2">Key</th><th className="px-4 py-2">Scopes</th><th className="px-4 py-2">Created</th><th className="px-4 py-2">Last used</th><th className="px-4 py-2"><span className="sr-only">Actions</span></th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {keys.data.map((k) => (
                <tr key={k.id} data-api-key={k.id} className={k.revoked_at ? "text-slate-500" : ""}>
                  <td className="px-4 py-2">{k.name}</td>
                  <td className="px-4 py-2 font-mono text-xs">{k.prefix}…</td>
                  <td className="px-4 py-2 font-mono text-xs">{k.scopes.join(" ")}</td>
                  <td className="px-4 py-2 text-xs"><LocalTime iso={k.created_at} /></td>
                  <td className="px-4 py-2 text-xs"><LocalTime iso={k.last_used_at} fallback="Never" /></td>
                  <td className="px-4 py-2">
                    {!canWrite ? null : k.revoked_at ? (
                      <span className="text-xs">revoked</span>
                    ) : (
                      <button onClick={() => { if (confirm(`Revoke "${k.name}"? Requests with it will fail at once.`)) revoke.mutate(k.id); }} className="rounded border border-rose-300 px-2 py-0.5 text-xs text-rose-700">
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table></ScrollX>
        )}
      </Card>
    </div>
  );
}
