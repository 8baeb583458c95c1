"use client";
import Link from "next/link";
import type { Webhook } from "@/lib/validation/webhook";
import { LocalTime } from "@/components/ui/local-time";
import { ErrorState, LoadingState } from "@/components/ui/query-states";
import { StatusBadge } from "@/components/ui/status-badge";
import { RecentAttemptsCard } from "./recent-attempts-card";
import { SecretCard } from "./secret-card";
import { RecoverCard } from "./recover-card";
import type { ServerDefaults } from "./settings-model";
import { useWebhook } from "./use-webhook";
import { WebhookActions } from "./webhook-actions";
import { WebhookHealthCard } from "./webhook-health-card";
import { WebhookSettingsCard } from "./webhook-settings-card";
import { WebhookStatsCard } from "./webhook-stats-card";

export function WebhookDetail({ id, defaults }: { id: string; defaults: ServerDefaults }) {
  const query = useWebhook(id);
  if (query.isPending) return <LoadingState>Loading webhook…</LoadingState>;
  if (query.isLoadingError) return <ErrorState title="Could not load the webhook" error={query.error} onRetry={() => void query.refetch()} />;
  const webhook = query.data;
  return (
    <div className="space-y-6">
      <WebhookHeader webhook={webhook} />
      {query.isRefetchError ? <ErrorState compact title="Could not refresh the webhook" error={query.error} onRetry={() => void query.refetch()} /> : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <WebhookHealthCard webhook={webhook} />
        <WebhookStatsCard id={id} />
      </div>
      <WebhookSettingsCard webhook={webhook} defaults={defaults} />
      <RecentAttemptsCard id={id} />
      <RecoverCard id={id} />
      <SecretCard id={id} />
    </div>
  );
}

function WebhookHeader({ webhook }: { webhook: Webhook }) {
  return (
    <header className="space-y-3 rounded-lg border border-slate-200 bg-white px-4 py-4 shadow-sm">
      <Link href="/" className="text-sm text-indigo-700 underline">
        ← Dashboard
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="min-w-0 break-all font-mono text-lg font-semibold text-slate-900">{webhook.url}</h1>
        <StatusBadge status={webhook.status} />
      </div>
      {webhook.description ? <p className="text-sm text-slate-600">{webhook.description}</p> : null}
      <p className="text-xs text-slate-500">
        <span className="font-mono">{webhook.id}</span> · created <LocalTime iso={webhook.created_at} />
      </p>
      <WebhookActions webhook={webhook} />
    </header>
  );
}
