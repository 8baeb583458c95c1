"use client";
import Link from "next/link";
import type { Webhook } from "@/lib/validation/webhook";
import { buttonClass } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { ErrorState, LoadingState } from "@/components/ui/query-states";
import { StatusBadge } from "@/components/ui/status-badge";
import { TextLink } from "@/components/ui/text-link";
import { useCanWrite } from "@/components/workspaces/use-workspaces";
import { HealthBadge } from "./health-badge";
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
      <WebhookStatsCard id={id} />
      <WebhookHealthCard webhook={webhook} />
      <WebhookSettingsCard webhook={webhook} defaults={defaults} />
      <RecentAttemptsCard id={id} />
      <RecoverCard id={id} />
      <SecretCard id={id} />
    </div>
  );
}

function WebhookHeader({ webhook }: { webhook: Webhook }) {
  const canWrite = useCanWrite();
  return (
    <header className="space-y-3 rounded-lg border border-slate-200 bg-white px-4 py-4 shadow-sm">
      <TextLink href="/webhooks" className="text-sm">
        ← Webhooks
      </TextLink>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="min-w-0 break-all font-mono text-lg font-semibold text-slate-900">{webhook.url}</h1>
        <StatusBadge status={webhook.status} />
        <HealthBadge webhook={webhook} />
        {canWrite ? (
          <Link href={`/webhooks/${encodeURIComponent(webhook.id)}/edit`} className={buttonClass({ className: "ml-auto" })}>
            Edit settings
          </Link>
        ) : null}
      </div>
      {webhook.description ? <p className="text-sm text-slate-600">{webhook.description}</p> : null}
      <p className="text-xs text-slate-500">
        <span className="font-mono">{webhook.id}</span> · created <LocalTime iso={webhook.created_at} />
      </p>
      {/* Enable/disable and test-send change things: viewers only read. */}
      {canWrite ? <WebhookActions webhook={webhook} /> : null}
    </header>
  );
}
