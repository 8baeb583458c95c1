// Plain fetch functions for the delivery log: filtered lists, one delivery with
// its attempts, and replay.
import type { ResponseOf } from "@/lib/api/contract";
import type { deliveryContracts } from "@/lib/api/contracts/deliveries";
import { fetchJson } from "@/components/api/fetch-json";

export interface LogFilters {
  status?: string;
  event_type?: string;
  since?: string;
  until?: string;
}

export function fetchDeliveryLog(f: LogFilters, signal?: AbortSignal) {
  const p = new URLSearchParams({ limit: "100" });
  for (const [k, v] of Object.entries(f)) if (v) p.set(k, v);
  return fetchJson<ResponseOf<typeof deliveryContracts.list>>(`/api/v1/deliveries?${p}`, { signal });
}

export const fetchDeliveryDetail = (id: string, signal?: AbortSignal) =>
  fetchJson<ResponseOf<typeof deliveryContracts.get>>(`/api/v1/deliveries/${encodeURIComponent(id)}`, { signal });

export const replayDelivery = (id: string) =>
  fetchJson<ResponseOf<typeof deliveryContracts.replay>>(`/api/v1/deliveries/${encodeURIComponent(id)}/replay`, { method: "POST", json: {} });
