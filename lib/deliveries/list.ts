// Newest-first delivery list for a workspace, cursor-paginated on the id
// (ids are ULIDs, so id order is creation order).
import { db, type Prisma } from "../db";
import type { DeliveryView } from "../validation/delivery";
import type { z } from "zod";
import type { deliveryListQuery } from "../validation/delivery";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

type ListQuery = z.infer<typeof deliveryListQuery> & { event_type?: string; since?: Date; until?: Date };

/** "scan.completed" matches exactly; "scan.*" matches the family. */
export const typeFilter = (type: string) => (type.endsWith(".*") ? { startsWith: type.slice(0, -1) } : type === "*" ? undefined : type);

export async function listDeliveries(workspaceId: string, q: ListQuery) {
  const rows = await db.delivery.findMany({
    where: {
      workspaceId,
      endpointId: q.webhook_id,
      eventId: q.event_id,
      status: q.status,
      ...(q.event_type ? { event: { type: typeFilter(q.event_type) } } : {}),
      ...(q.since || q.until ? { createdAt: { gte: q.since, lt: q.until } } : {}),
      ...(q.cursor ? { id: { lt: q.cursor } } : {}),
    },
    orderBy: { id: "desc" },
    take: q.limit + 1,
    select: deliverySelect,
  });
  const page = rows.slice(0, q.limit);
  return { data: page.map(deliveryView), next_cursor: rows.length > q.limit ? page[page.length - 1].id : null };
}

export const deliverySelect = {
  id: true,
  status: true,
  attemptCount: true,
  lastStatus: true,
  lastError: true,
  nextAttemptAt: true,
  lastAttemptAt: true,
  createdAt: true,
  event: { select: { id: true, type: true } },
  endpoint: { select: { id: true, url: true } },
} satisfies Prisma.DeliverySelect;

export function deliveryView(d: Prisma.DeliveryGetPayload<{ select: typeof deliverySelect }>): DeliveryView {
  return {
    id: d.id,
    event_id: d.event.id,
    event_type: d.event.type,
    webhook_id: d.endpoint.id,
    webhook_url: d.endpoint.url,
    status: d.status,
    attempts: d.attemptCount,
    last_status: d.lastStatus,
    last_error: d.lastError,
    next_attempt_at: iso(d.nextAttemptAt),
    last_attempt_at: iso(d.lastAttemptAt),
    created_at: d.createdAt.toISOString(),
  };
}
