import { config, defaultMaxInFlight } from "@/lib/config";
import { WebhookDetail } from "@/components/webhooks/webhook-detail";

export const metadata = { title: "Webhook — HookRelay" };

// The server's fallbacks are read here, on the server, so the settings card can
// show the effective value of a setting the webhook leaves at its default.
export default async function WebhookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const cfg = config();
  return (
    <WebhookDetail
      id={id}
      defaults={{ timeoutSec: cfg.WEBHOOK_TIMEOUT_SEC, retrySchedule: cfg.DELIVERY_RETRY_SCHEDULE, maxRetries: cfg.WEBHOOK_MAX_RETRIES ?? null, maxInFlight: defaultMaxInFlight() }}
    />
  );
}
