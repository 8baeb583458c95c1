// The newest events of some types, oldest first: a starting state for live views.
import { db } from "../db";

export async function recentEvents(workspaceId: string, typePrefixes: string[], limit: number) {
  const rows = await db.event.findMany({
    where: { workspaceId, OR: typePrefixes.map((p) => ({ type: { startsWith: p } })) },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, type: true, payload: true, createdAt: true },
  });
  return rows.reverse().map((e) => ({ type: "event" as const, id: e.id, event: e.type, timestamp: e.createdAt.toISOString(), data: e.payload }));
}
