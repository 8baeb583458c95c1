"use client";
// Create a webhook, then show its signing secret — the only time it is shown in full.
import Link from "next/link";
import { useState } from "react";
import type { Webhook } from "@/lib/validation/webhook";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { LoadingState } from "@/components/ui/query-states";
import { useWriteAccess } from "@/components/workspaces/use-workspaces";
import { ViewerNotice } from "./viewer-notice";
import { WebhookForm } from "./webhook-form";

export function CreateWebhook() {
  const [created, setCreated] = useState<Webhook | null>(null);
  const access = useWriteAccess();
  if (access.pending) return <LoadingState>Loading…</LoadingState>;
  if (!access.canWrite) return <ViewerNotice action="create webhooks" />;
  if (!created) return <WebhookForm onSaved={setCreated} />;
  return (
    <Card title="Webhook created" description="Copy the signing secret now: it is not shown in full again (you can reveal or rotate it later).">
      <div className="space-y-3 p-4 text-sm">
        <p className="break-all">
          <span className="text-slate-500">URL</span> <span className="font-mono">{created.url}</span>
        </p>
        <p>
          <span className="text-slate-500">Signing secret</span>{" "}
          <code data-testid="new-secret" className="break-all rounded bg-slate-100 px-2 py-1 font-mono">{created.secret}</code>
        </p>
        <Link href={`/webhooks/${created.id}`} className={buttonClass({ variant: "primary" })}>
          Open the webhook
        </Link>
      </div>
    </Card>
  );
}
