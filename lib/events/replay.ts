// Replay one event: every existing delivery (or those to the chosen webhooks)
// gets a manual attempt now; webhooks subscribed to the event that had no
// delivery (created after it, or subscribed since) get a new delivery.
import type { z } from "zod";
import { db } from "../db";
import type { eventReplayResultSchema } from "../validation/event";
import { ApiError, notFound } from "../api/errors";
import { newId } from "../ids";
import { enqueueDeliveries } from "../queue/delivery-queue";
import { resendDeliveries, resendSelect } from "../deliveries/resend";
import { activeEndpoints, deliveryTargets, firstAttemptJobs } from "./ingest";
import { coalesceKeyFor } from "../delivery/coalesce";

/** resent: existing deliveries given a manual attempt; created: new deliveries; skipped: chosen webhooks left out, and why. */
export type EventReplayResult = z.infer<typeof eventReplayResultSchema>;

export async function replayEvent(workspaceId: string, eventId: string, webhookIds?: string[]): Promise<EventReplayResult> {
  const event = await db.event.findFirst({ where: { id: eventId, workspaceId }, select: { id: true, type: true, payload: true } });
  if (!event) throw notFound("Event");
  const skipped: EventReplayResult["skipped"] = [];
  if (webhookIds) {
    const found = await db.endpoint.findMany({ where: { workspaceId, id: { in: webhookIds } }, select: { id: true, status: true } });
    const missing = webhookIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw new ApiError("not_found", `Webhook not found: ${missing.join(", ")}`, missing.map((id) => ({ path: "webhook_ids", message: `${id} not found` })));
    for (const f of found) if (f.status !== "active") skipped.push({ webhook_id: f.id, reason: "disabled" });
  }
  const chosen = (id: string) => !webhookIds || webhookIds.includes(id);

  const existing = await db.delivery.findMany({
    where: { workspaceId, eventId, endpoint: { status: "active" }, ...(webhookIds ? { endpointId: { in: webhookIds } } : {}) },
    select: resendSelect,
  });
  for (const d of existing.filter((d) => d.status === "sending")) skipped.push({ webhook_id: d.endpointId, reason: "an attempt is in flight" });
  const resent = await resendDeliveries(existing);

  const data = (event.payload ?? {}) as Record<string, unknown>;
  const had = new Set(existing.map((d) => d.endpointId));
  const all = await db.delivery.findMany({ where: { eventId }, select: { endpointId: true } });
  for (const d of all) had.add(d.endpointId);
  const targets = (await deliveryTargets(workspaceId, await activeEndpoints(workspaceId), { type: event.type, data })).filter(
    (e) => chosen(e.id) && !had.has(e.id),
  );
  if (webhookIds) {
    const reachable = new Set([...had, ...targets.map((t) => t.id)]);
    for (const id of webhookIds) {
      if (!reachable.has(id) && !skipped.some((s) => s.webhook_id === id)) skipped.push({ webhook_id: id, reason: "not subscribed to this event type" });
    }
  }
  const now = new Date();
  const rows = targets.map((e) => ({
    id: newId("dlv"),
    workspaceId,
    eventId,
    endpointId: e.id,
    nextAttemptAt: now,
    coalesceKey: coalesceKeyFor(e.policy, event.type, data),
  }));
  if (rows.length) {
    // skipDuplicates: a concurrent replay may have created the same (event, endpoint) row.
    await db.delivery.createMany({ data: rows, skipDuplicates: true });
    await enqueueDeliveries(firstAttemptJobs(rows, targets).map((j) => ({ ...j, trigger: "manual" as const })));
  }
  return { event_id: eventId, resent, created: rows.map((r) => r.id), skipped };
}
