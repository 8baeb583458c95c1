import { TextLink } from "@/components/ui/text-link";
import { WebhooksPanel } from "@/components/webhooks/webhooks-panel";
import { RecentDeliveriesPanel } from "@/components/recent-deliveries/recent-deliveries-panel";
import { OperationalEventsPanel } from "@/components/operational-events/operational-events-panel";

// The panels fetch in the browser through React Query (and poll), so this page
// stays a thin server shell.
export default function DashboardPage() {
  return (
    <>
      <WebhooksPanel />
      <RecentDeliveriesPanel />
      <OperationalEventsPanel />
      <p className="text-sm text-slate-600">
        Automate all of this:{" "}
        <TextLink href="/api-reference">API reference</TextLink>{" "}
        (OpenAPI 3.1 at <code className="font-mono">/api/v1/openapi.json</code>).
      </p>
    </>
  );
}
