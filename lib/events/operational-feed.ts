// The dashboard's "Operational events" panel: the workspace's newest events
// that HookRelay itself emitted about its endpoints and deliveries.
import { db } from "../db";
import { OPERATIONAL_EVENT_TYPES } from "./operational";
import type { OperationalFeedItem } from "../validation/event";

export const OPERATIONAL_FEED_LIMIT = 20;

export async function operationalFeed(workspaceId: string, limit = OPERATIONAL_FEED_LIMIT): Promise<{ data: OperationalFeedItem[] }> {
  const rows = await db.event.findMany({
    where: { workspaceId, type: { in: [...OPERATIONAL_EVENT_TYPES] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, type: true, payload: true, createdAt: true },
  });
  return {
    data: rows.map((r) => ({
      id: r.id,
      type: r.type,
      // Emitted by us, so always an object; anything else is shown as empty rather than breaking the list.
      data: r.payload && typeof r.payload === "object" && !Array.isArray(r.payload) ? (r.payload as Record<string, unknown>) : {},
      created_at: r.createdAt.toISOString(),
    })),
  };
}
