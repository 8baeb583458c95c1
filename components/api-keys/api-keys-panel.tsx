"use client";
import { ScrollX } from "@/components/ui/table";
// API keys of the workspace: create one (its full value is shown once),
// see which are in use, revoke.
import { useState } from "react";
import { ALL_SCOPES } from "@/lib/api/scopes";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
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
          <Field label="Name" className="max-w-sm">
            <Input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. production ingest" />
          </Field>
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
          <Button type="submit" variant="primary" disabled={create.isPending}>Create key</Button>
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
                      <Button variant="danger" size="sm" onClick={() => { if (confirm(`Revoke "${k.name}"? Requests with it will fail at once.`)) revoke.mutate(k.id); }}>
                        Revoke
                      </Button>
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
