import type { Webhook } from "@/lib/validation/webhook";
import { webhookHealth, type HealthLevel } from "./webhook-health";

const TONES: Record<HealthLevel, string> = {
  healthy: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  degraded: "bg-amber-50 text-amber-800 ring-amber-600/20",
  failing: "bg-rose-50 text-rose-700 ring-rose-600/20",
  "circuit-open": "bg-amber-50 text-amber-800 ring-amber-600/20",
  disabled: "bg-slate-100 text-slate-600 ring-slate-500/20",
  "no-traffic": "bg-slate-50 text-slate-500 ring-slate-400/20",
};

/** The webhook's health in a word, with the reason in the tooltip and for screen readers. */
export function HealthBadge({ webhook }: { webhook: Webhook }) {
  const health = webhookHealth(webhook);
  return (
    <span
      data-health={health.level}
      title={health.detail}
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[health.level]}`}
    >
      <span aria-hidden="true">●</span>
      {health.label}
      <span className="sr-only"> — {health.detail}</span>
    </span>
  );
}
