// Bulk recover (Svix's recover since/until): resend every failed delivery of
// one webhook created in [since, until), in the background, with progress.
// The API writes a RecoverJob row and enqueues its id; the worker process
// pages through the failed deliveries and resends each page (trigger "manual").
import type { Queue } from "bullmq";
import { db } from "../db";
import { config } from "../config";
import { newId } from "../ids";
import { notFound } from "../api/errors";
import { logger } from "../logger";
import { readyRedis } from "../redis";
import { queue } from "../queue/queues";
import { recoverJob } from "../queue/jobs";
import { resendDeliveries, resendSelect } from "../deliveries/resend";
import type { RecoverJobView } from "../validation/delivery";

function recoverQueue(): Queue {
  return queue(recoverJob.queue, { removeOnComplete: true, removeOnFail: 1000, attempts: 3, backoff: { type: "exponential", delay: 1000 } });
}

type Row = { id: string; endpointId: string; since: Date; until: Date | null; status: RecoverJobView["status"]; total: number; processed: number; error: string | null; createdAt: Date; updatedAt: Date };

function view(r: Row): RecoverJobView {
  return {
    id: r.id,
    webhook_id: r.endpointId,
    since: r.since.toISOString(),
    until: r.until?.toISOString() ?? null,
    status: r.status,
    total: r.total,
    processed: r.processed,
    error: r.error,
    created_at: r.createdAt.toISOString(),
    updated_at: r.updatedAt.toISOString(),
  };
}

export async function startRecover(workspaceId: string, endpointId: string, range: { since: Date; until?: Date }) {
  const endpoint = await db.endpoint.findFirst({ where: { id: endpointId, workspaceId }, select: { id: true } });
  if (!endpoint) throw notFound("Webhook");
  const row = await db.recoverJob.create({
    data: { id: newId("rec"), workspaceId, endpointId, since: range.since, until: range.until ?? null },
  });
  await enqueueRecover(row.id);
  return view(row);
}

/** Never throws: a job left "queued" is picked up again by requeueStaleRecoverJobs. */
export async function enqueueRecover(id: string) {
  try {
    await readyRedis();
    await recoverQueue().add(recoverJob.name, recoverJob.schema.parse({ recoverJobId: id }), { jobId: id });
  } catch (err) {
    logger.warn({ err, id }, "could not enqueue the recover job; it will be picked up later");
  }
}

export async function getRecoverJob(workspaceId: string, id: string) {
  const row = await db.recoverJob.findFirst({ where: { id, workspaceId } });
  if (!row) throw notFound("Recover job");
  return view(row);
}

/**
 * Worker side: runs one recover job to the end (resumable: progress is in
 * PostgreSQL). An error marks the job failed only on the `final` try.
 */
export async function runRecoverJob(id: string, final = true): Promise<void> {
  const job = await db.recoverJob.findUnique({ where: { id } });
  if (!job || job.status === "completed" || job.status === "failed") return;
  const where = {
    workspaceId: job.workspaceId,
    endpointId: job.endpointId,
    status: "failed" as const,
    createdAt: { gte: job.since, ...(job.until ? { lt: job.until } : {}) },
  };
  try {
    // The total is fixed when the job starts; a resumed job keeps counting from where it was.
    const total = job.status === "queued" ? await db.delivery.count({ where }) : job.total;
    await db.recoverJob.update({ where: { id }, data: { status: "running", total } });
    let processed = job.status === "queued" ? 0 : job.processed;
    let cursor: string | undefined;
    for (;;) {
      // Resent deliveries leave the "failed" set, so the cursor only guards
      // against ones that fail again while we page.
      const page = await db.delivery.findMany({
        where: { ...where, ...(cursor ? { id: { gt: cursor } } : {}) },
        orderBy: { id: "asc" },
        take: config().RECOVER_PAGE_SIZE,
        select: resendSelect,
      });
      if (page.length === 0) break;
      await resendDeliveries(page);
      processed += page.length;
      cursor = page[page.length - 1].id;
      await db.recoverJob.update({ where: { id }, data: { processed, total: Math.max(total, processed) } });
    }
    await db.recoverJob.update({ where: { id }, data: { status: "completed" } });
  } catch (err) {
    if (final) {
      const error = `recover stopped: ${err instanceof Error ? err.message.slice(0, 200) : "unknown error"}`;
      await db.recoverJob.update({ where: { id }, data: { status: "failed", error } }).catch(() => {});
    }
    throw err;
  }
}

/** Recover jobs still queued after `olderThanMs` (Redis lost the job): enqueue them again. */
export async function requeueStaleRecoverJobs(olderThanMs: number): Promise<number> {
  const stale = await db.recoverJob.findMany({
    where: { status: { in: ["queued", "running"] }, updatedAt: { lt: new Date(Date.now() - olderThanMs) } },
    select: { id: true },
    take: 100,
  });
  for (const r of stale) await enqueueRecover(r.id);
  return stale.length;
}
