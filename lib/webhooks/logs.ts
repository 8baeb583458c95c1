// The AI Social Media Platform's GET /webhooks/:id/logs: every attempt to one webhook, newest first,
// in Pixel Patrol's log shape (webhook_id, attempt, url, status, duration_ms, …).
import { db } from "../db";
import { notFound } from "../api/errors";
import { logsCursor, type WebhookAttemptLog } from "../validation/webhook-tools";

export async function webhookLogs(workspaceId: string, endpointId: string, q: { limit: number; cursor?: string }): Promise<{ data: WebhookAttemptLog[]; next_cursor: string | null }> {
  const endpoint = await db.endpoint.findFirst({ where: { id: endpointId, workspaceId, kind: "webhook" }, select: { id: true } });
  if (!endpoint) throw notFound("Webhook");
  // Newest first by when the request was made; the cursor is "<createdAt>|<id>" of the last row.
  const [at, lastId] = q.cursor ? logsCursor.parse(q.cursor).split("|") : [];
  const after = at && lastId ? { OR: [{ createdAt: { lt: new Date(at) } }, { createdAt: new Date(at), id: { lt: lastId } }] } : {};
  const rows = await db.attempt.findMany({
    where: { workspaceId, delivery: { endpointId }, ...after },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    include: { delivery: { select: { eventId: true, event: { select: { type: true } } } } },
  });
  const page = rows.slice(0, q.limit);
  return {
    data: page.map((a) => ({
      id: a.id,
      webhook_id: endpointId,
      delivery_id: a.deliveryId,
      event_id: a.delivery.eventId,
      event_type: a.delivery.event.type,
      attempt: a.number,
      trigger: a.trigger,
      url: a.requestUrl,
      status: a.responseStatus,
      duration_ms: a.durationMs,
      error: a.error,
      request_headers: a.requestHeaders as Record<string, unknown>,
      request_body: a.requestBody,
      response_headers: a.responseHeaders as Record<string, unknown> | null,
      response_body: a.responseBody,
      created_at: a.createdAt.toISOString(),
    })),
    next_cursor: rows.length > q.limit ? `${page[page.length - 1].createdAt.toISOString()}|${page[page.length - 1].id}` : null,
  };
}
