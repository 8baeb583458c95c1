// Newest-first delivery list for a workspace, cursor-paginated on the id
// (ids are ULIDs, so id order is creation order).
import { db } from "../db";
import type { DeliveryView } from "../validation/delivery";
import type { z } from "zod";
import type { deliveryListQuery } from "../validation/delivery";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function listDeliveries(workspaceId: string, q: z.infer<typeof deliveryListQuery>) {
  const rows = await db.delivery.findMany({
    where: {
      workspaceId,
      endpointId: q.webhook_id,
      eventId: q.event_id,
      status: q.status,
      ...(q.cursor ? { id: { lt: q.cursor } } : {}),
    },
    orderBy: { id: "desc" },
    take: q.limit + 1,
    select: {
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
    },
  });
  const page = rows.slice(0, q.limit);
  const data: DeliveryView[] = page.map((d) => ({
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
  }));
  return { data, next_cursor: rows.length > q.limit ? page[page.length - 1].id : null };
}

export async function listAttempts(workspaceId: string, deliveryId: string) {
  return db.attempt.findMany({
    where: { workspaceId, deliveryId },
    orderBy: { number: "asc" },
  });
}
