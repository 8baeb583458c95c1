// The body every endpoint receives (seed 000's envelope). It is serialised once
// per attempt and those exact bytes are signed and sent.
export interface EnvelopeInput {
  eventId: string;
  type: string;
  createdAt: Date;
  payload: unknown;
  attempt: number;
  endpointId: string;
}

export const API_VERSION = "v1";

export function buildEnvelope(e: EnvelopeInput): string {
  return JSON.stringify({
    id: e.eventId,
    event: e.type,
    timestamp: e.createdAt.toISOString(),
    api_version: API_VERSION,
    data: e.payload,
    delivery_attempt: e.attempt,
    webhook_id: e.endpointId,
  });
}
