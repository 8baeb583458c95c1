// Reconciles what the API accepted against what the receivers got: every event
// answered 202 must reach each subscribed endpoint at least once (0 lost), and
// a repeat is only ever the same webhook-id again (counted as a duplicate).
import type { CountingReceiver } from "./counting-receiver";
import type { IngestResult } from "./load-driver";

export interface Reconciliation {
  accepted: number;
  /** Answers other than 202: refused (4xx/5xx) or none at all; never counted as accepted. */
  refused: number;
  expected: number;
  delivered: number;
  lost: number;
  /** Requests beyond the first for the same webhook-id at the same endpoint. */
  duplicates: number;
  /** Deliveries of events whose ingest got no 202 (e.g. the answer was cut by a killed server): allowed. */
  unconfirmed: number;
  /** A few lost (event, endpoint) pairs, for the report. */
  lostSample: string[];
}

export function reconcile(results: IngestResult[], receivers: CountingReceiver[]): Reconciliation {
  const acceptedIds = new Set<string>();
  let refused = 0;
  for (const r of results) {
    if (r.status === 202 && r.eventId) acceptedIds.add(r.eventId);
    else refused++;
  }
  let delivered = 0;
  let lost = 0;
  let duplicates = 0;
  let unconfirmed = 0;
  const lostSample: string[] = [];
  receivers.forEach((rx, endpoint) => {
    for (const id of acceptedIds) {
      const n = rx.counts.get(id) ?? 0;
      if (n === 0) {
        lost++;
        if (lostSample.length < 5) lostSample.push(`${id} → endpoint ${endpoint + 1}`);
      } else {
        delivered++;
        duplicates += n - 1;
      }
    }
    for (const id of rx.counts.keys()) if (!acceptedIds.has(id)) unconfirmed++;
  });
  return {
    accepted: acceptedIds.size,
    refused,
    expected: acceptedIds.size * receivers.length,
    delivered,
    lost,
    duplicates,
    unconfirmed,
    lostSample,
  };
}

/** True once every accepted event reached every receiver. */
export function allDelivered(results: IngestResult[], receivers: CountingReceiver[]): boolean {
  for (const r of results) {
    if (r.status !== 202 || !r.eventId) continue;
    for (const rx of receivers) if (!rx.counts.has(r.eventId)) return false;
  }
  return true;
}
