// HookRelay's own operational events (lib/events/operational.ts emits them;
// payloads from lib/delivery/endpoint-health.ts and lib/webhooks/status-change.ts).
import { dataSchema, dateTime, int, nullable, str, uri, type BuiltinEventType } from "./schema-helpers";

const origin = "hookrelay";
const delivery = { delivery_id: str, event_id: str, event_type: str, webhook_id: str, url: uri, attempts: { ...int, minimum: 1 } };

export const operationalTypes: BuiltinEventType[] = [
  {
    name: "endpoint.disabled",
    origin,
    description: "An endpoint was disabled (by a user, or automatically after sustained failure). Its pending deliveries wait.",
    schema: dataSchema(
      "endpoint.disabled",
      {
        webhook_id: str,
        url: uri,
        reason: str,
        disabled_at: dateTime,
        consecutive_failures: int,
        failing_since: nullable(dateTime),
        pending_deliveries: int,
      },
      ["consecutive_failures", "failing_since"],
    ),
    example: {
      webhook_id: "wh_abc123def456",
      url: "https://your-app.example/webhooks",
      reason: "every attempt failed for 5 days (212 in a row)",
      disabled_at: "2024-01-20T11:00:00.000Z",
      consecutive_failures: 212,
      failing_since: "2024-01-15T11:00:00.000Z",
      pending_deliveries: 3,
    },
  },
  {
    name: "endpoint.enabled",
    origin,
    description: "An endpoint was enabled again; the deliveries it kept are resumed.",
    schema: dataSchema("endpoint.enabled", { webhook_id: str, url: uri, enabled_at: dateTime, resumed_deliveries: int }),
    example: { webhook_id: "wh_abc123def456", url: "https://your-app.example/webhooks", enabled_at: "2024-01-21T09:00:00.000Z", resumed_deliveries: 3 },
  },
  {
    name: "delivery.exhausted",
    origin,
    description: "A delivery used up its retries and failed for good (it is in the dead-letter list).",
    schema: dataSchema("delivery.exhausted", { ...delivery, last_status: nullable(int), last_error: nullable(str) }),
    example: {
      delivery_id: "dlv_123",
      event_id: "evt_123",
      event_type: "scan.completed",
      webhook_id: "wh_abc123def456",
      url: "https://your-app.example/webhooks",
      attempts: 8,
      last_status: 503,
      last_error: "HTTP 503",
    },
  },
  {
    name: "delivery.recovered",
    origin,
    description: "A delivery succeeded after failed attempts.",
    schema: dataSchema("delivery.recovered", delivery),
    example: {
      delivery_id: "dlv_123",
      event_id: "evt_123",
      event_type: "scan.completed",
      webhook_id: "wh_abc123def456",
      url: "https://your-app.example/webhooks",
      attempts: 3,
    },
  },
];
