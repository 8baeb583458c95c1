// Events of a workspace, newest first (cursor on the ULID id), and one event
// with its deliveries.
import { db, type Prisma } from "../db";
import { notFound } from "../api/errors";
import { deliverySelect, deliveryView, typeFilter } from "../deliveries/list";
import type { EventListQuery, EventView } from "../validation/event";

const eventSelect = {
  id: true,
  type: true,
  payload: true,
  idempotencyKey: true,
  createdAt: true,
  _count: { select: { deliveries: true } },
} satisfies Prisma.EventSelect;

function eventView(e: Prisma.EventGetPayload<{ select: typeof eventSelect }>): EventView {
  return {
    id: e.id,
    event: e.type,
    data: e.payload,
    idempotency_key: e.idempotencyKey,
    deliveries: e._count.deliveries,
    created_at: e.createdAt.toISOString(),
  };
}

export async function listEvents(workspaceId: string, q: EventListQuery) {
  const rows = await db.event.findMany({
    where: {
      workspaceId,
      ...(q.type ? { type: typeFilter(q.type) } : {}),
      ...(q.since || q.until ? { createdAt: { gte: q.since, lt: q.until } } : {}),
      ...(q.cursor ? { id: { lt: q.cursor } } : {}),
    },
    orderBy: { id: "desc" },
    take: q.limit + 1,
    select: eventSelect,
  });
  const page = rows.slice(0, q.limit);
  return { data: page.map(eventView), next_cursor: rows.length > q.limit ? page[page.length - 1].id : null };
}

/** The event and every delivery it made (one per endpoint), newest first. */
export async function getEvent(workspaceId: string, id: string) {
  const e = await db.event.findFirst({ where: { id, workspaceId }, select: eventSelect });
  if (!e) throw notFound("Event");
  const deliveries = await db.delivery.findMany({ where: { workspaceId, eventId: id }, orderBy: { id: "desc" }, select: deliverySelect });
  return { ...eventView(e), delivery_list: deliveries.map(deliveryView) };
}
