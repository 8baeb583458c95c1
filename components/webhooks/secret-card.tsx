"use client";
// The signing secret: reveal it, rotate it (the old one keeps signing during a
// grace period), or delete the webhook altogether.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { fetchJson } from "@/components/api/fetch-json";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import { useCanWrite } from "@/components/workspaces/use-workspaces";
import type { WebhookSecret as SecretView } from "@/lib/validation/webhook-secret";
import { webhookKeys } from "./keys";

const base = (id: string) => `/api/v1/webhooks/${encodeURIComponent(id)}`;

export function SecretCard({ id }: { id: string }) {
  const canWrite = useCanWrite();
  const qc = useQueryClient();
  const router = useRouter();
  const [shown, setShown] = useState<SecretView | null>(null);
  const [graceHours, setGraceHours] = useState("24");
  const reveal = useMutation({ mutationFn: () => fetchJson<SecretView>(`${base(id)}/secret`), meta: { errorTitle: "Could not reveal the secret" }, onSuccess: setShown });
  const rotate = useMutation({
    mutationFn: () => fetchJson<SecretView>(`${base(id)}/secret/rotate`, { method: "POST", json: { grace_period_sec: Math.round(Number(graceHours) * 3600) } }),
    meta: { errorTitle: "Could not rotate the secret", success: "Secret rotated" },
    onSuccess: setShown,
  });
  const remove = useMutation({
    mutationFn: () => fetchJson<void>(base(id), { method: "DELETE" }),
    meta: { errorTitle: "Could not delete the webhook", success: "Webhook deleted" },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: webhookKeys.all });
      router.push("/webhooks");
    },
  });
  if (!canWrite) return null;

  return (
    <Card title="Signing secret and danger zone" description="Revealing or rotating the secret is recorded like any change; keep it out of tickets and chats.">
      <div className="space-y-3 p-4 text-sm">
        <div className="flex flex-wrap items-center gap-2">
          <Button onClick={() => reveal.mutate()} disabled={reveal.isPending}>
            Reveal secret
          </Button>
          <label className="flex items-center gap-1">
            Grace period (hours)
            <Input aria-label="Grace period (hours)" value={graceHours} onChange={(e) => setGraceHours(e.target.value)} className="w-16" inputMode="decimal" />
          </label>
          <Button onClick={() => confirm("Rotate the signing secret? The old one keeps signing during the grace period.") && rotate.mutate()} disabled={rotate.isPending}>
            Rotate secret
          </Button>
          <Button
            variant="danger"
            onClick={() => confirm("Delete this webhook and its delivery history? This cannot be undone.") && remove.mutate()}
            disabled={remove.isPending}
            className="ml-auto"
          >
            Delete webhook
          </Button>
        </div>
        {shown ? (
          <p>
            <code data-testid="webhook-secret" className="break-all rounded bg-slate-100 px-2 py-1 font-mono">{shown.secret}</code>
            {shown.previous_secret_expires_at ? (
              <span className="ml-2 text-xs text-slate-500">
                the previous secret signs too until <LocalTime iso={shown.previous_secret_expires_at} />
              </span>
            ) : null}
          </p>
        ) : null}
      </div>
    </Card>
  );
}
