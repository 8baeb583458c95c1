// One word for a webhook's health, from the counters the circuit breaker and
// auto-disable keep (lib/delivery/endpoint-health.ts), for lists and headers.
import type { Webhook } from "@/lib/validation/webhook";

export type HealthLevel = "healthy" | "degraded" | "failing" | "circuit-open" | "disabled" | "no-traffic";

// One or two failures in a row are routine (a deploy, a 503 the retry absorbs); from three on, red.
const FAILING_FROM = 3;

export interface HealthSummary {
  level: HealthLevel;
  label: string;
  detail: string;
}

export function webhookHealth(webhook: Webhook, now = Date.now()): HealthSummary {
  const h = webhook.health;
  const stats = webhook.delivery_stats;
  if (webhook.status === "disabled") {
    return { level: "disabled", label: "disabled", detail: h.disabled_reason ? `Disabled: ${h.disabled_reason}` : "Disabled: no deliveries are sent" };
  }
  if (h.circuit_open_until && Date.parse(h.circuit_open_until) > now) {
    return { level: "circuit-open", label: "circuit open", detail: `${h.consecutive_failures} consecutive failures; deliveries wait until the circuit closes` };
  }
  if (h.consecutive_failures >= FAILING_FROM) {
    return { level: "failing", label: `failing (${h.consecutive_failures})`, detail: `${h.consecutive_failures} consecutive failed attempts` };
  }
  if (h.consecutive_failures > 0) {
    const n = h.consecutive_failures;
    return { level: "degraded", label: "degraded", detail: `${n} failed attempt${n === 1 ? "" : "s"} in a row; retries continue` };
  }
  if (stats.total_deliveries === 0 && !h.last_success_at && !h.last_failure_at) {
    return { level: "no-traffic", label: "no traffic", detail: "No delivery yet" };
  }
  const rate = stats.total_deliveries ? Math.round((stats.successful_deliveries / stats.total_deliveries) * 1000) / 10 : null;
  return { level: "healthy", label: "healthy", detail: rate === null ? "Last attempt succeeded" : `Last attempt succeeded; ${rate} % of deliveries succeeded` };
}
