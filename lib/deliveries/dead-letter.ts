// The dead-letter list (as Pixel Patrol has it): deliveries that used up their retries.
// They stay until retried by hand or until retention removes them.
import { db } from "../db";
import { enqueueDeliveries } from "../queue/delivery-queue";
import { listDeliveries } from "./list";

export async function listDeadLetter(workspaceId: string, q: { webhook_id?: string; limit: number; cursor?: string }) {
  return listDeliveries(workspaceId, { ...q, status: "failed" });
}

/**
 * Puts failed deliveries back in the queue for one more (manual) attempt.
 * `ids` limits it to those deliveries; absent, every failed delivery of the
 * workspace (optionally of one webhook) is retried. Returns how many.
 */
export async function retryDeadLetters(workspaceId: string, opts: { ids?: string[]; webhookId?: string }): Promise<number> {
  const where = {
    workspaceId,
    status: "failed" as const,
    ...(opts.ids ? { id: { in: opts.ids } } : {}),
    ...(opts.webhookId ? { endpointId: opts.webhookId } : {}),
  };
  let total = 0;
  // In pages, so "retry all" on a large backlog never loads it at once.
  for (;;) {
    const page = await db.delivery.findMany({ where, select: { id: true, attemptCount: true }, orderBy: { id: "asc" }, take: 500 });
    if (page.length === 0) break;
    const now = new Date();
    await db.delivery.updateMany({
      where: { id: { in: page.map((d) => d.id) }, status: "failed" },
      data: { status: "pending", nextAttemptAt: now, lastError: null },
    });
    await enqueueDeliveries(page.map((d) => ({ deliveryId: d.id, attempt: d.attemptCount + 1, trigger: "manual" as const })));
    total += page.length;
    if (opts.ids) break;
  }
  return total;
}

/** Deletes failed deliveries (and their attempts) older than the retention period. */
export async function purgeDeadLetters(retentionDays: number): Promise<number> {
  const cutoff = new Date(Date.now() - retentionDays * 86_400_000);
  const { count } = await db.delivery.deleteMany({ where: { status: "failed", updatedAt: { lt: cutoff } } });
  return count;
}
