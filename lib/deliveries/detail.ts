// One delivery with its attempts, and attempts on their own: each attempt
// carries the full request we sent and the response we got (bodies ≤ 64 KB).
import { db, type Prisma } from "../db";
import { notFound } from "../api/errors";
import type { AttemptView } from "../validation/delivery";
import { deliverySelect, deliveryView } from "./list";

type AttemptRow = Prisma.AttemptGetPayload<object>;

export function attemptView(a: AttemptRow): AttemptView {
  return {
    id: a.id,
    delivery_id: a.deliveryId,
    number: a.number,
    trigger: a.trigger,
    request: { url: a.requestUrl, headers: (a.requestHeaders ?? {}) as Record<string, unknown>, body: a.requestBody },
    response: {
      status: a.responseStatus,
      headers: (a.responseHeaders ?? null) as Record<string, unknown> | null,
      body: a.responseBody,
      duration_ms: a.durationMs,
      error: a.error,
    },
    created_at: a.createdAt.toISOString(),
  };
}

async function ownDelivery(workspaceId: string, id: string) {
  const d = await db.delivery.findFirst({ where: { id, workspaceId }, select: deliverySelect });
  if (!d) throw notFound("Delivery");
  return d;
}

/** The delivery and its newest 100 attempts (the full list is paginated at /attempts). */
export async function getDelivery(workspaceId: string, id: string) {
  const d = await ownDelivery(workspaceId, id);
  const attempts = await db.attempt.findMany({ where: { workspaceId, deliveryId: id }, orderBy: { id: "desc" }, take: 100 });
  return { ...deliveryView(d), attempt_list: attempts.map(attemptView) };
}

export async function listDeliveryAttempts(workspaceId: string, deliveryId: string, q: { limit: number; cursor?: string }) {
  await ownDelivery(workspaceId, deliveryId);
  const rows = await db.attempt.findMany({
    where: { workspaceId, deliveryId, ...(q.cursor ? { id: { lt: q.cursor } } : {}) },
    orderBy: { id: "desc" },
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  return { data: page.map(attemptView), next_cursor: rows.length > q.limit ? page[page.length - 1].id : null };
}

export async function getAttempt(workspaceId: string, id: string) {
  const a = await db.attempt.findFirst({ where: { id, workspaceId } });
  if (!a) throw notFound("Attempt");
  return attemptView(a);
}
