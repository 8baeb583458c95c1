import { test } from "node:test";
import assert from "node:assert/strict";
import type { Webhook } from "@/lib/validation/webhook";
import { webhookHealth } from "@/components/webhooks/webhook-health";

const NOW = Date.parse("2026-11-22T12:00:00Z");

function hook(over: { status?: "active" | "disabled"; health?: Partial<Webhook["health"]>; stats?: Partial<Webhook["delivery_stats"]> }): Webhook {
  return {
    status: over.status ?? "active",
    health: { consecutive_failures: 0, failing_since: null, circuit_open_until: null, last_success_at: null, last_failure_at: null, disabled_at: null, disabled_reason: null, ...over.health },
    delivery_stats: { total_deliveries: 0, successful_deliveries: 0, failed_deliveries: 0, last_success: null, last_failure: null, ...over.stats },
  } as Webhook;
}

test("health levels, most severe first", () => {
  assert.equal(webhookHealth(hook({}), NOW).level, "no-traffic");
  const healthy = webhookHealth(hook({ stats: { total_deliveries: 8, successful_deliveries: 6 }, health: { last_success_at: "2026-11-22T11:00:00Z" } }), NOW);
  assert.equal(healthy.level, "healthy");
  assert.match(healthy.detail, /75 %/);
  const blip = webhookHealth(hook({ health: { consecutive_failures: 1 }, stats: { total_deliveries: 3 } }), NOW);
  assert.deepEqual([blip.level, blip.detail], ["degraded", "1 failed attempt in a row; retries continue"]);
  const failing = webhookHealth(hook({ health: { consecutive_failures: 3 }, stats: { total_deliveries: 3 } }), NOW);
  assert.deepEqual([failing.level, failing.label], ["failing", "failing (3)"]);
  assert.equal(webhookHealth(hook({ health: { consecutive_failures: 9, circuit_open_until: "2026-11-22T12:05:00Z" } }), NOW).level, "circuit-open");
  // A circuit whose hold has passed is closed again; the failures still show.
  assert.equal(webhookHealth(hook({ health: { consecutive_failures: 9, circuit_open_until: "2026-11-22T11:55:00Z" } }), NOW).level, "failing");
  const off = webhookHealth(hook({ status: "disabled", health: { consecutive_failures: 40, disabled_reason: "auto-disabled after 5 days of failures" } }), NOW);
  assert.equal(off.level, "disabled");
  assert.match(off.detail, /5 days/);
});
