// Attempts are written in batches: every concurrent job's result waits a few
// milliseconds and goes to PostgreSQL in one transaction (one INSERT for the
// attempts, one UPDATE for the deliveries, one for endpoint health) instead of
// three statements per attempt. A job completes only after its batch commits.
// A record PostgreSQL refuses fails alone (the batch is split, micro-batch.ts)
// and is written again without what came from outside, as an internal error
// on its own delivery.
import { db, Prisma } from "../db";
import { isRetryableConflict, sqlStateOf } from "../db-errors";
import { storableText } from "../db-text";
import { logger } from "../logger";
import { MicroBatch } from "./micro-batch";

export interface AttemptRecord {
  attempt: Prisma.AttemptCreateManyInput;
  delivery: {
    id: string;
    status: "pending" | "sending" | "succeeded" | "failed";
    attemptCount: number;
    nextAttemptAt: Date | null;
    lastAttemptAt: Date;
    lastStatus: number | null;
    lastError: string | null;
  };
  endpoint: { id: string; success: boolean; at: Date };
}

/** PostgreSQL refused the values themselves: data exception (22xxx) or integrity constraint (23xxx). */
function refusesData(err: unknown): boolean {
  return /^2[23]/.test(sqlStateOf(err) ?? "");
}

/** The record with only what this process produced: nothing the receiver sent can fail it again. */
function withoutOutsideData(record: AttemptRecord, err: unknown): AttemptRecord {
  const state = sqlStateOf(err);
  // Why, in words a customer can read; the database's own message stays in the worker log.
  const why =
    state === "22P05" || state === "22021"
      ? "it holds characters PostgreSQL cannot store"
      : `the database refused it (${state ? `SQLSTATE ${state}` : "no SQLSTATE"})`;
  return {
    ...record,
    attempt: {
      ...record.attempt,
      requestUrl: storableText(record.attempt.requestUrl),
      requestHeaders: {},
      requestBody: "",
      responseHeaders: undefined,
      responseBody: null,
      error: `internal: could not record the response: ${why}`,
    },
    delivery: { ...record.delivery, lastError: "internal: could not record the response" },
  };
}

export class AttemptRecorder {
  private readonly batch: MicroBatch<AttemptRecord, undefined>;

  constructor(maxBatch = 200, maxWaitMs = 10) {
    this.batch = new MicroBatch(async (records) => {
      await writeBatch(records);
      return records.map(() => undefined);
    }, maxBatch, maxWaitMs);
  }

  /**
   * Resolves once the attempt is committed. When PostgreSQL refuses this record's
   * data, the attempt is kept without its request and response data (its outcome
   * still counts). Rejects on any other failure (the database unreachable…),
   * when trying again later can write it in full.
   */
  async record(record: AttemptRecord): Promise<void> {
    try {
      await this.batch.add(record);
    } catch (err) {
      if (!refusesData(err)) throw err;
      logger.warn({ err, deliveryId: record.delivery.id }, "the database refused an attempt; recording it without its response");
      await this.batch.add(withoutOutsideData(record, err));
    }
  }

  /** Writes whatever is waiting; used on shutdown. */
  drain(): Promise<void> {
    return this.batch.drain();
  }
}

async function writeBatch(records: AttemptRecord[]): Promise<void> {
  // Locks are taken endpoint → delivery → attempt, the order a webhook delete
  // cascades in, so the two wait for each other instead of deadlocking.
  const health = JSON.stringify(endpointHealth(records).sort((a, b) => a.id.localeCompare(b.id)));
  const deliveries = JSON.stringify(records.map((r) => r.delivery).sort((a, b) => a.id.localeCompare(b.id)));
  for (let attempt = 1; ; attempt++) {
    try {
      await db.$transaction([
        db.$executeRaw`
          UPDATE "Endpoint" AS e
             SET "consecutiveFailures" = CASE WHEN u."lastSuccessAt" IS NOT NULL AND u."trailingFailures" = 0 THEN 0
                                              WHEN u."lastSuccessAt" IS NOT NULL THEN u."trailingFailures"
                                              ELSE e."consecutiveFailures" + u."trailingFailures" END,
                 "lastSuccessAt" = COALESCE(u."lastSuccessAt", e."lastSuccessAt"),
                 "lastFailureAt" = COALESCE(u."lastFailureAt", e."lastFailureAt")
            FROM jsonb_to_recordset(${health}::jsonb) AS u(id text, "trailingFailures" int,
                 "lastSuccessAt" timestamptz, "lastFailureAt" timestamptz)
           WHERE e.id = u.id`,
        db.$executeRaw`
          UPDATE "Delivery" AS d
             SET status = u.status::"DeliveryStatus", "attemptCount" = u."attemptCount",
                 "nextAttemptAt" = u."nextAttemptAt", "lastAttemptAt" = u."lastAttemptAt",
                 "lastStatus" = u."lastStatus", "lastError" = u."lastError", "updatedAt" = now()
            FROM jsonb_to_recordset(${deliveries}::jsonb) AS u(id text, status text, "attemptCount" int,
                 "nextAttemptAt" timestamptz, "lastAttemptAt" timestamptz, "lastStatus" int, "lastError" text)
           WHERE d.id = u.id`,
        // A delivery deleted meanwhile (its webhook was removed) simply loses its attempt.
        db.$executeRaw`
          INSERT INTO "Attempt" (id, "workspaceId", "deliveryId", number, trigger, "requestUrl", "requestHeaders",
                                 "requestBody", "responseStatus", "responseHeaders", "responseBody", "durationMs", error, "createdAt")
          SELECT a.id, a."workspaceId", a."deliveryId", a.number, a.trigger::"AttemptTrigger", a."requestUrl", a."requestHeaders",
                 a."requestBody", a."responseStatus", a."responseHeaders", a."responseBody", a."durationMs", a.error, a."createdAt"
            FROM jsonb_to_recordset(${JSON.stringify(records.map((r) => r.attempt))}::jsonb) AS a(id text, "workspaceId" text,
                 "deliveryId" text, number int, trigger text, "requestUrl" text, "requestHeaders" jsonb, "requestBody" text,
                 "responseStatus" int, "responseHeaders" jsonb, "responseBody" text, "durationMs" int, error text, "createdAt" timestamptz)
           WHERE EXISTS (SELECT 1 FROM "Delivery" d WHERE d.id = a."deliveryId")
          -- Written again after a commit whose answer was lost: already there.
          ON CONFLICT (id) DO NOTHING`,
      ]);
      return;
    } catch (err) {
      // Serialization failures and deadlocks are safe to retry: nothing was written.
      if (attempt >= 3 || !isRetryableConflict(err)) throw err;
    }
  }
}

/** Per endpoint: failures since its last success in this batch, and the latest of each outcome. */
function endpointHealth(records: AttemptRecord[]) {
  const byId = new Map<string, { id: string; trailingFailures: number; lastSuccessAt: Date | null; lastFailureAt: Date | null }>();
  for (const { endpoint } of [...records].sort((a, b) => a.endpoint.at.getTime() - b.endpoint.at.getTime())) {
    const h = byId.get(endpoint.id) ?? { id: endpoint.id, trailingFailures: 0, lastSuccessAt: null, lastFailureAt: null };
    if (endpoint.success) {
      h.trailingFailures = 0;
      h.lastSuccessAt = endpoint.at;
    } else {
      h.trailingFailures += 1;
      h.lastFailureAt = endpoint.at;
    }
    byId.set(endpoint.id, h);
  }
  return [...byId.values()];
}
