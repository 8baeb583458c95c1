// Plain fetch functions for /api/v1/deliveries.
import type { DeliveryView } from "@/lib/validation/delivery";
import type { ResponseOf } from "@/lib/api/contract";
import type { deliveryContracts } from "@/lib/api/contracts/deliveries";
import { fetchJson } from "@/components/api/fetch-json";

export type DeliveryStatus = DeliveryView["status"];

export interface DeliveryFilters {
  limit?: number;
  status?: DeliveryStatus;
  webhook_id?: string;
}

export type DeliveryPage = ResponseOf<typeof deliveryContracts.list>;

export function fetchDeliveries(filters: DeliveryFilters, signal?: AbortSignal): Promise<DeliveryPage> {
  const params = new URLSearchParams();
  if (filters.limit !== undefined) params.set("limit", String(filters.limit));
  if (filters.status) params.set("status", filters.status);
  if (filters.webhook_id) params.set("webhook_id", filters.webhook_id);
  const query = params.toString();
  return fetchJson<DeliveryPage>(`/api/v1/deliveries${query ? `?${query}` : ""}`, { signal });
}
