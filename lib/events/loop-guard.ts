// Ingest's half of the self-delivery loop defence (the guard refuses our own
// addresses as destinations, lib/delivery/self-destination.ts). A delivery is
// a valid ingest body with a fresh id each time, so one that reaches an ingest
// API — ours under a name the guard cannot know (a load balancer, another
// deployment) — would be re-ingested and delivered again, forever. Refused:
//   - a request sent by a delivery: our User-Agent, which custom headers cannot
//     override (lib/validation/endpoint-policy.ts);
//   - a body that is one of our envelopes (what a relay forwarding the bytes
//     sends, whatever its User-Agent);
//   - as a depth backstop, data nesting our envelopes MAX_RELAY_DEPTH+ deep: a
//     relay that wraps what it received adds one level per round trip.
import { ApiError } from "../api/errors";
import { API_VERSION } from "../delivery/envelope";
import { USER_AGENT_PRODUCT } from "../delivery/build-request";

/** Envelopes of ours that one event's data may carry (a relay chain); one more is refused. */
export const MAX_RELAY_DEPTH = 3;

const HINT = "events cannot be ingested from a HookRelay delivery, or one event would re-ingest itself forever";

/** One of our delivered envelopes (lib/delivery/envelope.ts): the fields only a delivery carries. */
function isEnvelope(value: unknown): value is { data: unknown; webhook_id: string } {
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return v.api_version === API_VERSION && typeof v.delivery_attempt === "number" && typeof v.webhook_id === "string" && typeof v.event === "string";
}

/** How many of our envelopes are nested in `data`, following `.data` down. */
function envelopeDepth(data: unknown): number {
  let depth = 0;
  // Bounded anyway: a JSON body nests at most a few hundred levels before parsing gives up.
  for (let v = data; isEnvelope(v); v = v.data) depth++;
  return depth;
}

/** Throws 403 loop_detected when the request or any of its events came from a delivery. */
export function refuseDeliveryLoops(headers: Headers, events: unknown[]): void {
  const agent = headers.get("user-agent") ?? "";
  if (agent.startsWith(`${USER_AGENT_PRODUCT}/`)) {
    throw new ApiError("loop_detected", `This request is a HookRelay delivery (User-Agent ${agent}): ${HINT}`);
  }
  events.forEach((event, i) => {
    const at = events.length > 1 ? `events.${i}: ` : "";
    if (isEnvelope(event)) throw new ApiError("loop_detected", `${at}the body is a HookRelay delivery envelope (webhook_id ${event.webhook_id}): ${HINT}`);
    const depth = envelopeDepth((event as { data?: unknown } | null)?.data);
    if (depth > MAX_RELAY_DEPTH) {
      throw new ApiError("loop_detected", `${at}data is ${depth} HookRelay deliveries deep (at most ${MAX_RELAY_DEPTH}): a relay is probably sending deliveries back in a loop`);
    }
  });
}
