"use client";
import { Card } from "@/components/ui/card";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/query-states";
import { DeliveriesTable } from "./deliveries-table";
import { useRecentDeliveries } from "./use-recent-deliveries";

// Enough rows to see a burst of fan-out; older ones are in the delivery log
// (/deliveries), which pages.
const RECENT_LIMIT = 50;
const FILTERS = { limit: RECENT_LIMIT };

export function RecentDeliveriesPanel() {
  const query = useRecentDeliveries(FILTERS);
  const retry = () => void query.refetch();
  return (
    <Card title="Recent deliveries" description={`The newest ${RECENT_LIMIT} deliveries across all webhooks, newest first.`}>
      {query.isPending ? (
        <LoadingState>Loading deliveries…</LoadingState>
      ) : query.isLoadingError ? (
        <ErrorState title="Could not load deliveries" error={query.error} onRetry={retry} />
      ) : (
        <>
          {query.isRefetchError ? <ErrorState compact title="Could not refresh deliveries" error={query.error} onRetry={retry} /> : null}
          {query.data.data.length === 0 ? (
            <EmptyState>
              No deliveries yet — send an event with <code className="font-mono text-slate-700">POST /api/v1/events</code>
            </EmptyState>
          ) : (
            <DeliveriesTable deliveries={query.data.data} />
          )}
        </>
      )}
    </Card>
  );
}
