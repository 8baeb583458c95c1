// Batch ingest (up to 1,000 events per request): the same fan-out as
// ingestEvent, but endpoints are loaded once and every new event is written
// with its deliveries in ONE transaction, then all ids are enqueued together.
// Idempotency keys behave as for single events: a known key (earlier, or
// earlier in this batch) returns the original event and creates nothing.
import { db } from "../db";
import { newId } from "../ids";
import { enqueueDeliveries } from "../queue/delivery-queue";
import { publishLive } from "../realtime/publisher";
import { activeEndpoints, deliveryRows, deliveryTargets, firstAttemptJobs, ingestEvent, type IngestInput } from "./ingest";
import { isUniqueViolation } from "../db-errors";
import { storeEvents, type NewDelivery, type NewEvent } from "./store-events";
import type { z } from "zod";
import type { EventAccepted, eventBatchItemSchema } from "../validation/event";

export type BatchItemResult = z.infer<typeof eventBatchItemSchema>;

export async function ingestEvents(workspaceId: string, inputs: IngestInput[]): Promise<BatchItemResult[]> {
  const keys = [...new Set(inputs.flatMap((i) => (i.idempotencyKey ? [i.idempotencyKey] : [])))];
  const known = new Map<string, EventAccepted>();
  if (keys.length) {
    const rows = await db.event.findMany({
      where: { workspaceId, idempotencyKey: { in: keys } },
      select: { id: true, type: true, idempotencyKey: true, createdAt: true, _count: { select: { deliveries: true } } },
    });
    for (const e of rows) known.set(e.idempotencyKey!, { id: e.id, event: e.type, deliveries: e._count.deliveries, created_at: e.createdAt.toISOString() });
  }

  const endpoints = await activeEndpoints(workspaceId);
  const now = new Date();
  const results: BatchItemResult[] = new Array(inputs.length);
  const events: NewEvent[] = [];
  const deliveries: NewDelivery[] = [];
  const jobs: ReturnType<typeof firstAttemptJobs> = [];
  const live: Parameters<typeof publishLive>[0] = [];
  const fresh = new Map<string, EventAccepted>(); // keys first seen in this batch

  for (const [index, input] of inputs.entries()) {
    const key = input.idempotencyKey;
    const earlier = key ? (known.get(key) ?? fresh.get(key)) : undefined;
    if (earlier) {
      results[index] = { ...earlier, index, replayed: true };
      continue;
    }
    const targets = await deliveryTargets(workspaceId, endpoints, input);
    const eventId = newId("evt");
    const rows = deliveryRows(workspaceId, eventId, targets, input, now);
    events.push({ id: eventId, workspaceId, type: input.type, payload: input.data, idempotencyKey: key, createdAt: now });
    deliveries.push(...rows);
    jobs.push(...firstAttemptJobs(rows, targets));
    live.push({ workspaceId, id: eventId, event: input.type, timestamp: now.toISOString(), data: input.data });
    const accepted = { id: eventId, event: input.type, deliveries: rows.length, created_at: now.toISOString() };
    if (key) fresh.set(key, accepted);
    results[index] = { ...accepted, index, replayed: false };
  }

  try {
    if (events.length) await storeEvents(events, deliveries, now);
  } catch (err) {
    // Another request stored one of these idempotency keys meanwhile: nothing of
    // this batch was written, so take the events one by one (each dedupes itself).
    if (!isUniqueViolation(err)) throw err;
    return sequential(workspaceId, inputs);
  }
  await enqueueDeliveries(jobs);
  if (live.length) publishLive(live);
  return results;
}

async function sequential(workspaceId: string, inputs: IngestInput[]): Promise<BatchItemResult[]> {
  const out: BatchItemResult[] = [];
  for (const [index, input] of inputs.entries()) {
    const { accepted, replayed } = await ingestEvent(workspaceId, input);
    out.push({ ...accepted, index, replayed });
  }
  return out;
}
