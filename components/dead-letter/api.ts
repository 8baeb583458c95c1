// Plain fetch functions for /api/v1/dead-letter.
import type { DeliveryView } from "@/lib/validation/delivery";
import { fetchJson } from "@/components/api/fetch-json";

export interface DeadLetterPage {
  data: DeliveryView[];
  next_cursor: string | null;
}

export const fetchDeadLetters = (signal?: AbortSignal) => fetchJson<DeadLetterPage>("/api/v1/dead-letter?limit=100", { signal });

export function retryDeadLetters(body: { delivery_ids: string[] } | { all: true }) {
  return fetchJson<{ retried: number }>("/api/v1/dead-letter/retry", { method: "POST", json: body });
}
