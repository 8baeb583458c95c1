import { WebhooksPanel } from "@/components/webhooks/webhooks-panel";
import { RecentDeliveriesPanel } from "@/components/deliveries/recent-deliveries-panel";

// Both panels fetch in the browser through React Query (and poll), so this page
// stays a thin server shell.
export default function DashboardPage() {
  return (
    <>
      <WebhooksPanel />
      <RecentDeliveriesPanel />
    </>
  );
}
