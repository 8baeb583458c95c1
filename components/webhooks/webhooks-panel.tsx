"use client";
import { Card } from "@/components/ui/card";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/query-states";
import { useWebhooks } from "./use-webhooks";
import { WebhooksTable } from "./webhooks-table";

export function WebhooksPanel() {
  const query = useWebhooks();
  const retry = () => void query.refetch();
  return (
    <Card title="Webhooks" description="Endpoints that receive this workspace's events. Deliveries: total / succeeded / failed.">
      {query.isPending ? (
        <LoadingState>Loading webhooks…</LoadingState>
      ) : query.isLoadingError ? (
        <ErrorState title="Could not load webhooks" error={query.error} onRetry={retry} />
      ) : (
        <>
          {/* A failed poll keeps the last good rows on screen, with a notice above them. */}
          {query.isRefetchError ? <ErrorState compact title="Could not refresh webhooks" error={query.error} onRetry={retry} /> : null}
          {query.data.length === 0 ? (
            <EmptyState>
              No webhooks yet — create one with <code className="font-mono text-slate-700">POST /api/v1/webhooks</code>
            </EmptyState>
          ) : (
            <WebhooksTable webhooks={query.data} />
          )}
        </>
      )}
    </Card>
  );
}
