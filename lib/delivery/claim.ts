// Claiming a delivery: mark it "sending" and load everything the attempt needs
// in one round trip. A delivery left "sending" by a killed worker can be
// claimed again by the same attempt number (BullMQ re-runs the stalled job).
import { db } from "../db";
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
  secretEncrypted: string;
  previousSecretEncrypted: string | null;
  previousSecretExpiresAt: Date | null;
  consecutiveFailures: number;
  failingSince: Date | null;
  circuitOpenUntil: Date | null;
  callbackSecretEncrypted: string | null;
}

export async function claimDelivery(job: DeliverJobData): Promise<ClaimedDelivery | null> {
  const rows = await db.$queryRaw<Row[]>`
    WITH claimed AS (
      UPDATE "Delivery" AS d SET status = 'sending', "updatedAt" = now()
        FROM "Endpoint" AS p, (SELECT id, status AS "prevStatus" FROM "Delivery" WHERE id = ${job.deliveryId}) AS old
       WHERE d.id = ${job.deliveryId} AND old.id = d.id AND p.id = d."endpointId" AND p.status = 'active'
         AND d.status IN ('pending', 'sending') AND d."attemptCount" < ${job.attempt}
      RETURNING d.id, d."workspaceId", d."attemptCount", d."coalesceKey", d."eventId", old."prevStatus",
                p.id AS "endpointId", p.kind, p.url, p.policy, p."secretEncrypted",
                p."previousSecretEncrypted", p."previousSecretExpiresAt", p."consecutiveFailures",
                p."failingSince", p."circuitOpenUntil")
    SELECT c.*, e.type, e.payload, e."createdAt" AS "eventCreatedAt", w."callbackSecretEncrypted"
      FROM claimed c
      JOIN "Event" e ON e.id = c."eventId"
      JOIN "Workspace" w ON w.id = c."workspaceId"`;
  const r = rows[0];
  if (!r) return null;
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

/** Puts a claimed delivery back to pending (held by a rate limit, circuit breaker, ordering…). */
export async function releaseDelivery(deliveryId: string, nextAttemptAt: Date): Promise<void> {
  await db.delivery.updateMany({
    where: { id: deliveryId, status: "sending" },
    data: { status: "pending", nextAttemptAt },
  });
}
