// The coalescing decisions at send time (rules in ./coalesce.ts).
import { db } from "../db";
import { config } from "../config";
import { readyRedis } from "../redis";
import type { ClaimedDelivery } from "./claim";
import { isProgressType, isTerminalType } from "./coalesce";

export type Gate = { action: "send" } | { action: "skip" } | { action: "hold"; ms: number };

const ACTIVE = ["pending", "sending"] as const;

export async function coalesceGate(d: ClaimedDelivery): Promise<Gate> {
  const c = d.endpoint.policy.coalesce;
  const key = d.coalesceKey;
  if (!c || !key) return { action: "send" };
  const same = { endpointId: d.endpoint.id, coalesceKey: key };

  if (isTerminalType(c, d.event.type)) {
    // Older unsent progress is superseded by the final state…
    await db.delivery.updateMany({
      where: { ...same, id: { lt: d.id }, status: "pending" },
      data: { status: "skipped", nextAttemptAt: null, lastError: "superseded by a terminal event" },
    });
    // …and one already on the wire finishes first: the terminal event never overtakes it.
    const inFlight = await db.delivery.count({ where: { ...same, id: { lt: d.id }, status: "sending" } });
    return inFlight > 0 ? { action: "hold", ms: 100 } : { action: "send" };
  }

  if (isProgressType(c, d.event.type)) {
    const newer = await db.delivery.findFirst({ where: { ...same, id: { gt: d.id }, status: { in: [...ACTIVE] } }, select: { id: true } });
    if (newer) return { action: "skip" };
    // One progress delivery per entity per interval, across all workers.
    const slot = `${config().QUEUE_PREFIX}:coalesce:${d.endpoint.id}:${key}`;
    const ok = await (await readyRedis()).set(slot, d.id, "PX", c.interval_ms, "NX");
    if (ok === "OK") return { action: "send" };
    const ttl = await (await readyRedis()).pttl(slot);
    return { action: "hold", ms: Math.max(ttl, 10) };
  }
  return { action: "send" };
}

export async function skipDelivery(deliveryId: string): Promise<void> {
  await db.delivery.updateMany({
    where: { id: deliveryId, status: { in: [...ACTIVE] } },
    data: { status: "skipped", nextAttemptAt: null, lastError: "superseded by a newer progress event" },
  });
}
