// Claiming a delivery: mark it "sending" and load everything the attempt needs
// in one round trip. A delivery left "sending" by a killed worker can be
// claimed again by the same attempt number (BullMQ re-runs the stalled job).
import { db } from "../db";
import { isRetryableConflict } from "../db-errors";
import { MicroBatch } from "./micro-batch";
import { readPolicy, type EndpointPolicy } from "../validation/endpoint-policy";
import type { DeliverJobData } from "../queue/jobs";

export interface ClaimedDelivery {
  id: string;
  /** Already "sending" when claimed: a worker died during this attempt. */
  interrupted: boolean;
  workspaceId: string;
  attemptCount: number;
  coalesceKey: string | null;
  event: { id: string; type: string; payload: unknown; createdAt: Date };
  endpoint: {
    id: string;
    kind: "webhook" | "callback";
    url: string;
    policy: EndpointPolicy;
    /** Sealed custom headers (lib/webhooks/custom-headers.ts), opened when the request is built. */
    customHeadersEncrypted: string | null;
    secretEncrypted: string;
    previousSecretEncrypted: string | null;
    previousSecretExpiresAt: Date | null;
    consecutiveFailures: number;
    failingSince: Date | null;
    circuitOpenUntil: Date | null;
  };
  /** The workspace's callback secret, for `callback` endpoints. */
  callbackSecretEncrypted: string | null;
}

interface Row {
  prevStatus: string;
  id: string;
  workspaceId: string;
  attemptCount: number;
  coalesceKey: string | null;
  eventId: string;
  type: string;
  payload: unknown;
  eventCreatedAt: Date;
  endpointId: string;
  kind: "webhook" | "callback";
  url: string;
  policy: unknown;
  customHeadersEncrypted: string | null;
  secretEncrypted: string;
  previousSecretEncrypted: string | null;
  previousSecretExpiresAt: Date | null;
  consecutiveFailures: number;
  failingSince: Date | null;
  circuitOpenUntil: Date | null;
  callbackSecretEncrypted: string | null;
}

// Claims are batched (see micro-batch.ts): the concurrent jobs of a worker
// claim their deliveries in one UPDATE and one commit. A claim per job in its
// own statement was most of PostgreSQL's CPU per delivery.
const claims = new MicroBatch<DeliverJobData, ClaimedDelivery | null>(claimBatch, 100, 2);

/** Marks the job's delivery "sending" and loads it; null when there is nothing to send. */
export function claimDelivery(job: DeliverJobData): Promise<ClaimedDelivery | null> {
  return claims.add(job);
}

async function claimBatch(jobs: DeliverJobData[]): Promise<(ClaimedDelivery | null)[]> {
  // The same delivery twice (a stalled job run again beside its original) is
  // claimed in a second statement, as if the jobs had come one after the other.
  const first = new Map<string, number>();
  const again: number[] = [];
  jobs.forEach((job, i) => (first.has(job.deliveryId) ? again.push(i) : first.set(job.deliveryId, i)));
  const results: (ClaimedDelivery | null)[] = jobs.map(() => null);
  const byId = await claimRows([...first.keys()].map((id) => jobs[first.get(id)!]));
  for (const [id, i] of first) results[i] = byId.get(id) ?? null;
  for (const i of again) results[i] = (await claimRows([jobs[i]])).get(jobs[i].deliveryId) ?? null;
  return results;
}

async function claimRows(jobs: DeliverJobData[]): Promise<Map<string, ClaimedDelivery>> {
  // Sorted, so that two workers claiming overlapping sets tend to lock in the same order.
  const sorted = [...jobs].sort((a, b) => (a.deliveryId < b.deliveryId ? -1 : a.deliveryId > b.deliveryId ? 1 : 0));
  const ids = sorted.map((j) => j.deliveryId);
  const attempts = sorted.map((j) => j.attempt);
  for (let tries = 1; ; tries++) {
    try {
      const rows = await db.$queryRaw<Row[]>`
        WITH req AS (SELECT * FROM unnest(${ids}::text[], ${attempts}::int[]) AS r(id, attempt)),
        old AS (SELECT d.id, d.status AS "prevStatus" FROM "Delivery" AS d JOIN req ON req.id = d.id),
        claimed AS (
          UPDATE "Delivery" AS d SET status = 'sending', "updatedAt" = now()
            FROM "Endpoint" AS p, req, old
           WHERE d.id = req.id AND old.id = d.id AND p.id = d."endpointId" AND p.status = 'active'
             AND d.status IN ('pending', 'sending') AND d."attemptCount" < req.attempt
          RETURNING d.id, d."workspaceId", d."attemptCount", d."coalesceKey", d."eventId", old."prevStatus",
                    p.id AS "endpointId", p.kind, p.url, p.policy, p."customHeadersEncrypted", p."secretEncrypted",
                    p."previousSecretEncrypted", p."previousSecretExpiresAt", p."consecutiveFailures",
                    p."failingSince", p."circuitOpenUntil")
        SELECT c.*, e.type, e.payload, e."createdAt" AS "eventCreatedAt", w."callbackSecretEncrypted"
          FROM claimed c
          JOIN "Event" e ON e.id = c."eventId"
          JOIN "Workspace" w ON w.id = c."workspaceId"`;
      return new Map(rows.map((r) => [r.id, toClaimed(r)]));
    } catch (err) {
      // A deadlock with another worker's claim or attempt batch: nothing was written, try again.
      if (tries >= 3 || !isRetryableConflict(err)) throw err;
    }
  }
}

function toClaimed(r: Row): ClaimedDelivery {
  return {
    id: r.id,
    interrupted: r.prevStatus === "sending",
    workspaceId: r.workspaceId,
    attemptCount: r.attemptCount,
    coalesceKey: r.coalesceKey,
    event: { id: r.eventId, type: r.type, payload: r.payload, createdAt: r.eventCreatedAt },
    endpoint: {
      id: r.endpointId,
      kind: r.kind,
      url: r.url,
      policy: readPolicy(r.policy),
      customHeadersEncrypted: r.customHeadersEncrypted,
      secretEncrypted: r.secretEncrypted,
      previousSecretEncrypted: r.previousSecretEncrypted,
      previousSecretExpiresAt: r.previousSecretExpiresAt,
      consecutiveFailures: r.consecutiveFailures,
      failingSince: r.failingSince,
      circuitOpenUntil: r.circuitOpenUntil,
    },
    callbackSecretEncrypted: r.callbackSecretEncrypted,
  };
}

// Holds come in crowds (an endpoint at its in-flight limit parks most of a burst,
// an open circuit holds every delivery): they are written in batches too.
const releases = new MicroBatch<{ id: string; at: Date }, void>(releaseBatch, 100, 2);

/** Puts a claimed delivery back to pending (held by a rate limit, circuit breaker, in-flight limit…). */
export function releaseDelivery(deliveryId: string, nextAttemptAt: Date): Promise<void> {
  return releases.add({ id: deliveryId, at: nextAttemptAt });
}

async function releaseBatch(items: { id: string; at: Date }[]): Promise<undefined[]> {
  // Sorted like the claims, so concurrent batches lock rows in the same order.
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = sorted.map((i) => i.id);
  const ats = sorted.map((i) => i.at);
  for (let tries = 1; ; tries++) {
    try {
      await db.$executeRaw`
        UPDATE "Delivery" AS d SET status = 'pending', "nextAttemptAt" = r.at, "updatedAt" = now()
          FROM unnest(${ids}::text[], ${ats}::timestamptz[]) AS r(id, at)
         WHERE d.id = r.id AND d.status = 'sending'`;
      return items.map(() => undefined);
    } catch (err) {
      if (tries >= 3 || !isRetryableConflict(err)) throw err;
    }
  }
}
