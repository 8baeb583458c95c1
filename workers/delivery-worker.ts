// The delivery worker process: consumes delivery jobs (first attempts and
// retries on separate queues), runs the reconciler, and shuts down cleanly
// (in-flight attempts finish and are recorded).
import { DelayedError, UnrecoverableError, Worker, type Job } from "bullmq";
import { SecretUnreadableError } from "@/lib/crypto/secret-box";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { storableText } from "@/lib/db-text";
import { logger } from "@/lib/logger";
import { workerConnection } from "@/lib/redis";
import { closeQueues } from "@/lib/queue/queues";
import { deliverJob } from "@/lib/queue/jobs";
import { AttemptRecorder } from "@/lib/delivery/attempt-recorder";
import { processDelivery } from "@/lib/delivery/process-delivery";
import { failDelivery, reconcileOverdue } from "@/lib/delivery/reconciler";
import { purgeDeadLetters } from "@/lib/deliveries/dead-letter";
import { recoverJob } from "@/lib/queue/jobs";
import { requeueStaleRecoverJobs, runRecoverJob } from "@/lib/recover/service";
import { sealLegacyCustomHeaders } from "@/lib/webhooks/custom-headers";

const log = logger.child({ proc: "worker" });
const recorder = new AttemptRecorder();
const connection = workerConnection();

// A crashed worker's jobs are taken over within ~30 s: its locks expire after
// lockDuration and the next stalled check (every stalledInterval, run by every
// live worker) puts them back in the queue. A slow attempt is not taken over
// while it runs: BullMQ renews the lock every lockDuration / 2 for as long as the
// job's handler is running, however long the request takes.
const { WORKER_LOCK_MS: lockDuration, WORKER_STALLED_INTERVAL_MS: stalledInterval } = config();
// A job that stalls (its worker died) runs again; after this many stalls BullMQ
// fails it, and the reconciler (not the dead letters) takes the delivery back.
const maxStalledCount = 3;

async function handle(job: Job, token?: string) {
  const result = await processDelivery(deliverJob.schema.parse(job.data), recorder, `${job.queueName}|${job.id}`).catch((err) => {
    // Retrying cannot fix a configuration problem: fail the job (and the delivery) at once.
    throw err instanceof SecretUnreadableError ? new UnrecoverableError(err.message) : err;
  });
  if (result.kind === "held") {
    // Same job, later: the delivery keeps its attempt number and its place.
    await job.moveToDelayed(result.until.getTime(), token);
    throw new DelayedError();
  }
  return result.kind;
}

/** What the customer reads in last_error; the database's own text stays in this log. */
function internalError(err: Error): string {
  return err.name.startsWith("PrismaClient") ? "internal error: a database operation failed" : `internal error: ${storableText(err.message)}`;
}

/**
 * The job failed because our own infrastructure did (PostgreSQL unreachable, the
 * job stalled because workers died), not because of the delivery: the webhook's
 * retry schedule is not used up and the delivery is not failed. It stays
 * pending/sending and the reconciler enqueues it again once things are back.
 */
function infrastructureFailure(err: Error): boolean {
  return isDatabaseUnavailable(err) || /stalled more than allowable limit/.test(err.message);
}

function startWorker(queue: string, concurrency: number) {
  const worker = new Worker(queue, handle, { connection, prefix: config().QUEUE_PREFIX, concurrency, lockDuration, stalledInterval, maxStalledCount });
  worker.on("failed", (job, err) => {
    const final = err instanceof UnrecoverableError || err.name === "UnrecoverableError" || (job?.attemptsMade ?? 0) >= (job?.opts.attempts ?? 1);
    if (infrastructureFailure(err)) {
      log.warn({ err: err.message, jobId: job?.id, attempt: job?.attemptsMade }, final ? "delivery job gave up on an infrastructure failure; the reconciler will enqueue it again" : "delivery job failed on an infrastructure failure; retrying");
      return;
    }
    // Expected failures get one line; unexpected ones keep their stack.
    log.error({ err: final && err.name === "UnrecoverableError" ? err.message : err, jobId: job?.id, attempt: job?.attemptsMade }, "delivery job failed");
    // Out of job retries for a reason of its own: fail the delivery visibly (it
    // can be retried by hand) rather than retry an error that does not go away.
    if (job && final) {
      failDelivery(job.data.deliveryId, internalError(err)).catch((e) =>
        log.error({ err: e, jobId: job.id }, "could not mark the delivery failed"),
      );
    }
  });
  worker.on("error", (err) => log.error({ err, queue }, "worker error"));
  return worker;
}

const concurrency = config().WORKER_CONCURRENCY;
// A quarter of the capacity is reserved for retries; first attempts get the rest.
const retryConcurrency = Math.max(1, Math.floor(concurrency / 4));
const workers = [
  startWorker(deliverJob.queues.first, Math.max(1, concurrency - retryConcurrency)),
  startWorker(deliverJob.queues.retry, retryConcurrency),
];

// Bulk recover jobs (POST /webhooks/:id/recover): one at a time per worker; each pages through its deliveries.
const recoverWorker = new Worker(
  recoverJob.queue,
  async (job: Job) => {
    const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    await runRecoverJob(recoverJob.schema.parse(job.data).recoverJobId, final);
  },
  { connection, prefix: config().QUEUE_PREFIX, concurrency: 1, lockDuration, stalledInterval },
).on("error", (err) => log.error({ err }, "recover worker error"));

// An event accepted while Redis was down (or a job Redis lost) has no job: this pass is what
// sends it. A row becomes eligible 2 intervals after it was due and is taken within one more, so
// the 5 s default keeps recovery from a Redis outage within ~15 s (the fault suite's limit is 30 s;
// at 15 s it measured 38–47 s). A re-add of a job that still exists is skipped, so a short
// interval never sends twice.
const reconcileEveryMs = config().RECONCILE_INTERVAL_MS;
let reconciling = false;
const reconciler = setInterval(() => {
  // One pass at a time: a pass over a large backlog may outlast the interval.
  if (!reconciling) {
    reconciling = true;
    // "sending" rows untouched for two lock durations and without a live job of their own (a
    // worker died and Redis lost its job). A row whose job runs is never taken; the margin is
    // for the members of a batch, which ride on another delivery's job while it is sent.
    reconcileOverdue(reconcileEveryMs * 2, lockDuration * 2)
      .then((added) => added > 0 && log.warn({ count: added }, "re-enqueued overdue deliveries (jobs added)"))
      .catch((err) => log.error({ err: isDatabaseUnavailable(err) ? err.message : err }, "reconciler failed"))
      .finally(() => (reconciling = false));
  }
  // A recover job whose queue entry was lost (Redis flushed) is queued again once its row
  // has not moved for a minute, or for a lock duration when WORKER_LOCK_MS is set longer.
  requeueStaleRecoverJobs(Math.max(60_000, lockDuration)).catch((err) => log.error({ err: isDatabaseUnavailable(err) ? err.message : err }, "recover requeue failed"));
}, reconcileEveryMs);

// Retention that actually deletes: failed deliveries past the retention period.
const purge = () =>
  purgeDeadLetters(config().DEAD_LETTER_RETENTION_DAYS)
    .then((n) => n > 0 && log.info({ count: n }, "purged expired dead-letter deliveries"))
    .catch((err) => log.error({ err }, "dead-letter purge failed"));
const purger = setInterval(purge, 3_600_000);
void purge();

log.info({ concurrency, retryConcurrency }, "delivery worker started");

// Custom headers saved before they were encrypted at rest: sealed once (idempotent, a no-op after).
sealLegacyCustomHeaders()
  .then((n) => n > 0 && log.info({ count: n }, "encrypted the custom headers of endpoints saved before encryption"))
  .catch((err) => log.error({ err }, "encrypting stored custom headers failed (they are still read and sent)"));

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "stopping: finishing in-flight deliveries");
  clearInterval(reconciler);
  clearInterval(purger);
  await Promise.all([...workers.map((w) => w.close()), recoverWorker.close()]);
  await recorder.drain();
  await closeQueues();
  await connection.quit();
  await db.$disconnect();
  log.info("delivery worker stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
