// Ingest: dedupe by idempotency key, fan out to subscribed endpoints, write the
// Event and its Deliveries in one transaction, then enqueue the delivery ids.
// After the transaction commits the event is safe: a failed enqueue is retried
// by the reconciler, never reported to the producer as a loss.
import { db } from "../db";
import { isUniqueViolation } from "../db-errors";
import { storeEvents, type NewDelivery } from "./store-events";
import { newId } from "../ids";
import { enqueueDeliveries } from "../queue/delivery-queue";
import { matchesEventType } from "../webhooks/event-match";
import { compileFilter, FilterError } from "../webhooks/payload-filter";
import { logger } from "../logger";
import { readPolicy } from "../validation/endpoint-policy";
import { coalesceKeyFor } from "../delivery/coalesce";
import { CALLBACK_POLICY, callbackEndpointId } from "./callback-endpoint";
import { publishLive } from "../realtime/publisher";
import type { EventAccepted } from "../validation/event";

export interface IngestInput {
  type: string;
  data: Record<string, unknown>;
  idempotencyKey?: string;
  /** The downloads API's webhook_url: deliver this event (also) to this URL, signed with the workspace callback secret. */
  callbackUrl?: string;
}

export interface IngestResult {
  accepted: EventAccepted;
  /** True when the idempotency key matched an earlier event: nothing new was created. */
  replayed: boolean;
}

/** The workspace's active webhooks, with parsed policies (batch ingest loads them once). */
export async function activeEndpoints(workspaceId: string) {
  const endpoints = await db.endpoint.findMany({
    where: { workspaceId, status: "active", kind: "webhook" },
    select: { id: true, eventTypes: true, policy: true },
  });
  return endpoints.map((e) => ({ ...e, policy: readPolicy(e.policy) }));
}
export type ActiveEndpoint = Awaited<ReturnType<typeof activeEndpoints>>[number];

/** An endpoint the event goes to; with `skipReason`, one whose filter could not be evaluated. */
export type DeliveryTarget = ActiveEndpoint & { skipReason?: string };

/**
 * Whether the endpoint's payload filter lets the event through. A filter that
 * cannot be evaluated (saved before filters were compiled at save, or one sift
 * fails on for this payload) must not fail the ingest for every endpoint of
 * the workspace: it yields the reason, and that endpoint is skipped.
 */
function filterVerdict(e: ActiveEndpoint, data: unknown): boolean | string {
  if (!e.policy.filter) return true;
  try {
    return compileFilter(e.policy.filter)(data);
  } catch (err) {
    const reason = err instanceof FilterError ? `${err.path}: ${err.message}` : err instanceof Error ? err.message : String(err);
    return `payload filter could not be evaluated (${reason}); the event was not sent to this endpoint (fix the filter, then replay)`;
  }
}

/** The endpoints an event goes to: subscribed by type, passing the payload filter (+ its callback URL). */
export async function deliveryTargets(workspaceId: string, endpoints: ActiveEndpoint[], input: Pick<IngestInput, "type" | "data" | "callbackUrl">) {
  const targets: DeliveryTarget[] = [];
  for (const e of endpoints) {
    if (!matchesEventType(e.eventTypes, input.type)) continue;
    const verdict = filterVerdict(e, input.data);
    if (verdict === true) targets.push(e);
    else if (typeof verdict === "string") {
      logger.warn({ workspaceId, endpointId: e.id, reason: verdict }, "payload filter failed; endpoint skipped for this event");
      targets.push({ ...e, skipReason: verdict });
    }
  }
  if (input.callbackUrl) {
    targets.push({ id: await callbackEndpointId(workspaceId, input.callbackUrl), eventTypes: ["*"], policy: CALLBACK_POLICY });
  }
  return targets;
}

/** One delivery row per target; a skipped target's row records why and is never queued. */
export function deliveryRows(workspaceId: string, eventId: string, targets: DeliveryTarget[], input: Pick<IngestInput, "type" | "data">, now: Date): NewDelivery[] {
  return targets.map((e) => ({
    id: newId("dlv"),
    workspaceId,
    eventId,
    endpointId: e.id,
    ...(e.skipReason
      ? { nextAttemptAt: null, coalesceKey: null, status: "skipped" as const, lastError: e.skipReason }
      : { nextAttemptAt: now, coalesceKey: coalesceKeyFor(e.policy, input.type, input.data) }),
  }));
}

/** First-attempt jobs: a batching endpoint's first delivery waits up to max_wait_ms so others can join it. */
export function firstAttemptJobs(deliveries: { id: string; endpointId: string }[], targets: DeliveryTarget[]) {
  return deliveries.flatMap((d, i) => {
    if (targets[i].skipReason) return [];
    const batch = targets[i].policy.batch;
    return [batch ? { deliveryId: d.id, attempt: 1, delayMs: batch.max_wait_ms, batch: true, endpointId: d.endpointId } : { deliveryId: d.id, attempt: 1 }];
  });
}

export async function ingestEvent(workspaceId: string, input: IngestInput): Promise<IngestResult> {
  const targets = await deliveryTargets(workspaceId, await activeEndpoints(workspaceId), input);
  const eventId = newId("evt");
  const now = new Date();
  const deliveries = deliveryRows(workspaceId, eventId, targets, input, now);

  try {
    await storeEvents(
      [{ id: eventId, workspaceId, type: input.type, payload: input.data, idempotencyKey: input.idempotencyKey, createdAt: now }],
      deliveries,
      now,
    );
  } catch (err) {
    if (input.idempotencyKey && isUniqueViolation(err)) return { accepted: await existingEvent(workspaceId, input.idempotencyKey), replayed: true };
    throw err;
  }

  await enqueueDeliveries(firstAttemptJobs(deliveries, targets));
  publishLive([{ workspaceId, id: eventId, event: input.type, timestamp: now.toISOString(), data: input.data }]);
  return {
    accepted: { id: eventId, event: input.type, deliveries: deliveries.length, created_at: now.toISOString() },
    replayed: false,
  };
}

export async function existingEvent(workspaceId: string, idempotencyKey: string): Promise<EventAccepted> {
  const event = await db.event.findUniqueOrThrow({
    where: { workspaceId_idempotencyKey: { workspaceId, idempotencyKey } },
    select: { id: true, type: true, createdAt: true, _count: { select: { deliveries: true } } },
  });
  return {
    id: event.id,
    event: event.type,
    deliveries: event._count.deliveries,
    created_at: event.createdAt.toISOString(),
  };
}
