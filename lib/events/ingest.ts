// Ingest: dedupe by idempotency key, fan out to subscribed endpoints, write the
// Event and its Deliveries in one transaction, then enqueue the delivery ids.
// After the transaction commits the event is safe: a failed enqueue is retried
// by the reconciler, never reported to the producer as a loss.
import { db } from "../db";
import { isUniqueViolation } from "../db-errors";
import { storeEvents } from "./store-events";
import { newId } from "../ids";
import { enqueueDeliveries } from "../queue/delivery-queue";
import { matchesEventType } from "../webhooks/event-match";
import { compileFilter } from "../webhooks/payload-filter";
import { readPolicy } from "../validation/endpoint-policy";
import { coalesceKeyFor } from "../delivery/coalesce";
import { CALLBACK_POLICY, callbackEndpointId } from "./callback-endpoint";
import { publishLive } from "../realtime/publisher";
import type { EventAccepted } from "../validation/event";

export interface IngestInput {
  type: string;
  data: Record<string, unknown>;
  idempotencyKey?: string;
  /** Seed 004: deliver this event (also) to this URL, signed with the workspace callback secret. */
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

/** The endpoints an event goes to: subscribed by type, passing the payload filter (+ its callback URL). */
export async function deliveryTargets(workspaceId: string, endpoints: ActiveEndpoint[], input: Pick<IngestInput, "type" | "data" | "callbackUrl">) {
  const targets = endpoints
    .filter((e) => matchesEventType(e.eventTypes, input.type))
    .filter((e) => !e.policy.filter || compileFilter(e.policy.filter)(input.data));
  if (input.callbackUrl) {
    targets.push({ id: await callbackEndpointId(workspaceId, input.callbackUrl), eventTypes: ["*"], policy: CALLBACK_POLICY });
  }
  return targets;
}

/** First-attempt jobs: a batching endpoint's first delivery waits up to max_wait_ms so others can join it. */
export function firstAttemptJobs(deliveries: { id: string; endpointId: string }[], targets: ActiveEndpoint[]) {
  return deliveries.map((d, i) => {
    const batch = targets[i].policy.batch;
    return batch ? { deliveryId: d.id, attempt: 1, delayMs: batch.max_wait_ms, batch: true, endpointId: d.endpointId } : { deliveryId: d.id, attempt: 1 };
  });
}

export async function ingestEvent(workspaceId: string, input: IngestInput): Promise<IngestResult> {
  const targets = await deliveryTargets(workspaceId, await activeEndpoints(workspaceId), input);
  const eventId = newId("evt");
  const now = new Date();
  const deliveries = targets.map((e) => ({
    id: newId("dlv"),
    workspaceId,
    eventId,
    endpointId: e.id,
    nextAttemptAt: now,
    coalesceKey: coalesceKeyFor(e.policy, input.type, input.data),
  }));

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
