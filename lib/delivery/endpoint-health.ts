// Endpoint health around each attempt: the circuit breaker's hold before
// sending, and what an outcome means for the endpoint afterwards.
import type { ClaimedDelivery } from "./claim";
import type { NextStep } from "./next-attempt";
import type { SendResult } from "./http-sender";

/** When the endpoint's circuit is open, the time to try again; otherwise null. */
export function circuitHold(d: ClaimedDelivery, now: Date): Date | null {
  const until = d.endpoint.circuitOpenUntil;
  return until && until > now ? until : null;
}

export interface AttemptOutcome {
  delivery: ClaimedDelivery;
  attempt: number;
  result: SendResult;
  step: NextStep;
}

/** Runs after the attempt is recorded. */
export async function afterAttempt(_o: AttemptOutcome): Promise<void> {}
