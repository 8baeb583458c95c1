// The body every endpoint receives (the Content Protection Platform's envelope; docs/compatibility.md). It is serialised once
// per attempt and those exact bytes are signed and sent.
export interface EnvelopeInput {
  eventId: string;
  type: string;
  createdAt: Date;
  payload: unknown;
  attempt: number;
  endpointId: string;
  /** The downloads API's callbacks carry the request id at the top level too. */
  requestId?: string;
}

export const API_VERSION = "v1";

export function envelope(e: EnvelopeInput) {
  return {
    id: e.eventId,
    event: e.type,
    timestamp: e.createdAt.toISOString(),
    api_version: API_VERSION,
    data: e.payload,
    delivery_attempt: e.attempt,
    webhook_id: e.endpointId,
    ...(e.requestId ? { request_id: e.requestId } : {}),
  };
}

export function buildEnvelope(e: EnvelopeInput): string {
  return JSON.stringify(envelope(e));
}

/** Batch mode (Pixel Patrol): several envelopes in one request. */
export function buildBatch(batchId: string, items: EnvelopeInput[]): string {
  return JSON.stringify({ batch_id: batchId, events: items.map(envelope) });
}
