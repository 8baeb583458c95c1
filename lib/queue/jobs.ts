// Each job type names its queue (deliveries: one for first attempts, one for
// retries), its job name and its data schema: data is parsed when enqueued and
// again in the worker. Job data is ids, counters and flags, never payloads or secrets.
import { z } from "zod";

export const deliverJob = {
  // First attempts and retries use separate queues with their own workers, so
  // a backlog of retries to a failing endpoint never starves new events.
  queues: { first: "deliveries", retry: "delivery-retries" },
  name: "deliver",
  schema: z.object({
    deliveryId: z.string().startsWith("dlv_"),
    attempt: z.number().int().min(1),
    // "manual": a person asked for this attempt (dead-letter retry, replay).
    trigger: z.enum(["scheduled", "manual"]).optional(),
    // The endpoint batches: the job takes the endpoint's batch lock before claiming.
    batch: z.boolean().optional(),
    endpointId: z.string().optional(),
  }),
} as const;

export type DeliverJobData = z.infer<typeof deliverJob.schema>;

export const queueForAttempt = (attempt: number) => (attempt <= 1 ? deliverJob.queues.first : deliverJob.queues.retry);

// Same delivery + attempt number → same job id, so enqueueing twice is harmless.
export const deliverJobId = (d: DeliverJobData) => `${d.deliveryId}.${d.attempt}`;

// Bulk recover (POST /webhooks/:id/recover): the RecoverJob row holds the
// range and the progress; the job carries only its id.
export const recoverJob = {
  queue: "recover-jobs",
  name: "recover",
  schema: z.object({ recoverJobId: z.string().startsWith("rec_") }),
} as const;
export type RecoverJobData = z.infer<typeof recoverJob.schema>;
