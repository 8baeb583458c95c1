// Plain fetch functions for /api/v1/dead-letter.
import type { ResponseOf } from "@/lib/api/contract";
import type { deliveryContracts } from "@/lib/api/contracts/deliveries";
import { fetchJson } from "@/components/api/fetch-json";

export type DeadLetterPage = ResponseOf<typeof deliveryContracts.deadLetter>;

export const fetchDeadLetters = (signal?: AbortSignal) => fetchJson<DeadLetterPage>("/api/v1/dead-letter?limit=100", { signal });

export function retryDeadLetters(body: { delivery_ids: string[] } | { all: true }) {
  return fetchJson<ResponseOf<typeof deliveryContracts.retryDeadLetter>>("/api/v1/dead-letter/retry", { method: "POST", json: body });
}
