// Plain fetch function for the dashboard's operational-events feed.
import { fetchJson } from "@/components/api/fetch-json";
import type { OperationalFeedItem } from "@/lib/validation/event";

export type { OperationalFeedItem };

export async function fetchOperationalEvents(signal?: AbortSignal): Promise<OperationalFeedItem[]> {
  const body = await fetchJson<{ data: OperationalFeedItem[] }>("/api/v1/operational-events", { signal });
  return body.data;
}
