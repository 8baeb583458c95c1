// Operational events: what HookRelay itself has to say about a workspace's
// endpoints and deliveries (Svix's operational webhooks). They are ordinary
// events of the workspace — stored, listed, and delivered to its endpoints
// subscribed to them (e.g. "endpoint.*") with the same signing and retries.
import { logger } from "../logger";
import { ingestEvent } from "./ingest";

export const OPERATIONAL_EVENT_TYPES = ["endpoint.disabled", "endpoint.enabled", "delivery.exhausted", "delivery.recovered"] as const;
export type OperationalEventType = (typeof OPERATIONAL_EVENT_TYPES)[number];

const TYPES = new Set<string>(OPERATIONAL_EVENT_TYPES);

/**
 * A delivery of an operational event never causes another delivery event:
 * an endpoint subscribed to "delivery.*" that fails would otherwise report its
 * own failure to itself forever.
 */
export const isOperationalEvent = (type: string) => TYPES.has(type);

/**
 * Emits the event. Never throws: the change it reports has already happened,
 * and the caller (a delivery attempt, an API update) must not fail because of
 * it. `dedupeKey` makes a repeated emission (a job run twice) a no-op.
 */
export async function emitOperationalEvent(
  workspaceId: string,
  type: OperationalEventType,
  data: Record<string, unknown>,
  dedupeKey?: string,
): Promise<string | null> {
  try {
    const { accepted } = await ingestEvent(workspaceId, {
      type,
      data,
      idempotencyKey: dedupeKey ? `hookrelay:${type}:${dedupeKey}` : undefined,
    });
    return accepted.id;
  } catch (err) {
    logger.error({ err, workspaceId, type }, "could not emit operational event");
    return null;
  }
}
