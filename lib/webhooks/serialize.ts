// The API shape of a webhook (the Content Protection Platform's): secret and custom header values masked, stats from deliveries.
import type { Webhook } from "../validation/webhook";
import { readPolicy } from "../validation/endpoint-policy";
import { maskedCustomHeaders } from "./custom-headers";

export interface EndpointRow {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  status: "active" | "disabled";
  policy: unknown;
  customHeadersEncrypted?: string | null;
  createdAt: Date;
  updatedAt: Date;
  // Health counters kept by the delivery recorder; optional so partial selects still serialize.
  consecutiveFailures?: number;
  failingSince?: Date | null;
  circuitOpenUntil?: Date | null;
  lastSuccessAt?: Date | null;
  lastFailureAt?: Date | null;
  disabledAt?: Date | null;
  disabledReason?: string | null;
}

export interface EndpointStats {
  total: number;
  succeeded: number;
  failed: number;
  lastDelivery: Date | null;
  lastSuccess: Date | null;
  lastFailure: Date | null;
}

export const EMPTY_STATS: EndpointStats = {
  total: 0,
  succeeded: 0,
  failed: 0,
  lastDelivery: null,
  lastSuccess: null,
  lastFailure: null,
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const MASKED_SECRET = "wh_sec_***";

export function toWebhook(row: EndpointRow, stats: EndpointStats, secret = MASKED_SECRET): Webhook {
  const policy = readPolicy(row.policy);
  return {
    ...policy,
    custom_headers: maskedCustomHeaders(row.customHeadersEncrypted, policy.custom_headers),
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.eventTypes,
    secret,
    status: row.status,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    last_delivery: iso(stats.lastDelivery),
    delivery_stats: {
      total_deliveries: stats.total,
      successful_deliveries: stats.succeeded,
      failed_deliveries: stats.failed,
      last_success: iso(stats.lastSuccess),
      last_failure: iso(stats.lastFailure),
    },
    health: {
      consecutive_failures: row.consecutiveFailures ?? 0,
      failing_since: iso(row.failingSince ?? null),
      circuit_open_until: iso(row.circuitOpenUntil ?? null),
      last_success_at: iso(row.lastSuccessAt ?? null),
      last_failure_at: iso(row.lastFailureAt ?? null),
      disabled_at: iso(row.disabledAt ?? null),
      disabled_reason: row.disabledReason ?? null,
    },
  };
}
