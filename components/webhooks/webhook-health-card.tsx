import type { ReactNode } from "react";
import type { Webhook } from "@/lib/validation/webhook";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";

/** The counters the circuit breaker and auto-disable act on, straight from GET /webhooks/:id. */
export function WebhookHealthCard({ webhook }: { webhook: Webhook }) {
  const h = webhook.health;
  const circuitOpen = h.circuit_open_until !== null && new Date(h.circuit_open_until).getTime() > Date.now();
  return (
    <Card title="Health">
      <dl className="grid gap-x-6 gap-y-2 px-4 py-3 text-sm sm:grid-cols-2">
        <Item label="Consecutive failures">{h.consecutive_failures}</Item>
        <Item label="Failing since">
          <LocalTime iso={h.failing_since} fallback="—" />
        </Item>
        <Item label="Last success">
          <LocalTime iso={h.last_success_at ?? webhook.delivery_stats.last_success} fallback="Never" />
        </Item>
        <Item label="Last failure">
          <LocalTime iso={h.last_failure_at ?? webhook.delivery_stats.last_failure} fallback="Never" />
        </Item>
        <Item label="Circuit breaker">
          {circuitOpen ? (
            <span className="text-amber-700">
              open until <LocalTime iso={h.circuit_open_until} />
            </span>
          ) : (
            "closed"
          )}
        </Item>
        {webhook.status === "disabled" ? (
          <Item label="Disabled">
            <LocalTime iso={h.disabled_at} fallback="—" />
            {h.disabled_reason ? <span className="ml-1 text-rose-700">— {h.disabled_reason}</span> : null}
          </Item>
        ) : null}
      </dl>
    </Card>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-wrap gap-x-2" data-health={label}>
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}
