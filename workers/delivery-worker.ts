// The delivery worker process: consumes delivery jobs, runs the reconciler,
// and shuts down cleanly (in-flight attempts finish and are recorded).
import { Worker } from "bullmq";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { workerConnection } from "@/lib/queue/connection";
import { deliveryQueue } from "@/lib/queue/delivery-queue";
import { deliverJob } from "@/lib/queue/jobs";
import { AttemptRecorder } from "@/lib/delivery/attempt-recorder";
import { processDelivery } from "@/lib/delivery/process-delivery";
import { failDelivery, reconcileOverdue } from "@/lib/delivery/reconciler";

const log = logger.child({ proc: "worker" });
const recorder = new AttemptRecorder();
const connection = workerConnection();

// Well above the longest request timeout, so a slow attempt is never taken
// over by another worker while it is still running.
const lockDuration = Math.max(30_000, config().WEBHOOK_TIMEOUT_SEC * 1000 * 3);

const worker = new Worker(
  deliverJob.queue,
  async (job) => processDelivery(deliverJob.schema.parse(job.data), recorder),
  {
    connection,
    prefix: config().QUEUE_PREFIX,
    concurrency: config().WORKER_CONCURRENCY,
    lockDuration,
  },
);

worker.on("failed", (job, err) => {
  log.error({ err, jobId: job?.id, attempt: job?.attemptsMade }, "delivery job failed");
  // Out of job retries: fail the delivery visibly (it can be retried by hand)
  // rather than leave it pending behind a job id that will never run again.
  if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
    failDelivery(job.data.deliveryId, `internal error: ${err.message}`).catch((e) =>
      log.error({ err: e, jobId: job.id }, "could not mark the delivery failed"),
    );
  }
});
worker.on("error", (err) => log.error({ err }, "worker error"));

const reconcileEveryMs = Number(process.env.RECONCILE_INTERVAL_MS ?? 15_000);
const reconciler = setInterval(() => {
  reconcileOverdue(reconcileEveryMs * 2, lockDuration * 2)
    .then((n) => n > 0 && log.warn({ count: n }, "re-enqueued overdue deliveries"))
    .catch((err) => log.error({ err }, "reconciler failed"));
}, reconcileEveryMs);

log.info({ concurrency: config().WORKER_CONCURRENCY }, "delivery worker started");

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "stopping: finishing in-flight deliveries");
  clearInterval(reconciler);
  await worker.close();
  await recorder.drain();
  await deliveryQueue().close();
  await connection.quit();
  await db.$disconnect();
  log.info("delivery worker stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
