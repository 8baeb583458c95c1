import { WebhooksPanel } from "@/components/webhooks/webhooks-panel";

export const metadata = { title: "Webhooks — HookRelay" };

export default function WebhooksPage() {
  return <WebhooksPanel />;
}
