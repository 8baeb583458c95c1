// Endpoint health around each attempt: the circuit breaker's hold before
// sending, and what an outcome means for the endpoint afterwards.
//
// Circuit breaker: CIRCUIT_FAILURE_THRESHOLD failures in a row (counted by the
// attempt recorder) set circuitOpenUntil. While it is in the future every
// delivery to the endpoint is held — its job is delayed, nothing is dropped.
// When it passes, exactly one job becomes the probe (it moves circuitOpenUntil
// forward atomically, so the others hold again); a success closes the circuit
// and the held deliveries are sent at once, a failure keeps it open.
// Auto-disable: on 410 Gone, and when failing hard with no success for
// AUTO_DISABLE_AFTER_SEC. Deliveries of a disabled endpoint stay pending.
import { config } from "../config";
import { db } from "../db";
import { logger } from "../logger";
import { emitOperationalEvent, isOperationalEvent } from "../events/operational";
import { notifyDeliveryExhausted, notifyEndpointDisabled } from "../notifications/endpoint-alerts";
import { lastErrorOf } from "./attempt-row";
import type { ClaimedDelivery } from "./claim";
import type { NextStep } from "./next-attempt";
import type { SendResult } from "./http-sender";
import { resumeDeliveries } from "./resume-deliveries";

const log = logger.child({ module: "endpoint-health" });

/** When the endpoint's circuit is open, the time to try again; otherwise null (send now). */
export async function circuitHold(d: ClaimedDelivery, now: Date): Promise<Date | null> {
  const until = d.endpoint.circuitOpenUntil;
  if (!until) return null; // closed: no extra query on the hot path
  if (until > now) return until;
  // Half-open. The probe's lease covers its own request, so a slow probe is
  // not joined by a second one; only one UPDATE can match `<= now`.
  const lease = new Date(now.getTime() + holdSec(d) * 1000);
  const won = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Endpoint" SET "circuitOpenUntil" = ${lease}
     WHERE id = ${d.endpoint.id} AND "circuitOpenUntil" <= ${now}
    RETURNING id`;
  if (won.length > 0) return null; // this attempt is the probe
  const current = await db.endpoint.findUnique({ where: { id: d.endpoint.id }, select: { circuitOpenUntil: true } });
  const next = current?.circuitOpenUntil;
  if (!next) return null; // closed meanwhile
  return next > now ? next : new Date(now.getTime() + 50);
}

/** The longest a delivery is held: the open period, or a probe's lease covering its request timeout. */
function holdSec(d: ClaimedDelivery): number {
  return Math.max(config().CIRCUIT_OPEN_SEC, d.endpoint.policy.timeout_sec ?? config().WEBHOOK_TIMEOUT_SEC);
}

export interface AttemptOutcome {
  delivery: ClaimedDelivery;
  attempt: number;
  result: SendResult;
  step: NextStep;
}

/** Runs after the attempt is recorded. Never throws: the attempt itself is done and stored. */
export async function afterAttempt(o: AttemptOutcome): Promise<void> {
  try {
    if (o.step.outcome === "success") await onSuccess(o.delivery);
    else await onFailure(o);
    await deliveryEvents(o);
  } catch (err) {
    log.error({ err, deliveryId: o.delivery.id, endpointId: o.delivery.endpoint.id }, "endpoint health update failed");
  }
}

async function onSuccess(d: ClaimedDelivery) {
  const e = d.endpoint;
  // Healthy when claimed: nothing to reset. (A circuit opened since then is
  // closed by its next probe.)
  if (e.consecutiveFailures === 0 && !e.failingSince && !e.circuitOpenUntil) return;
  const rows = await db.$queryRaw<{ wasOpen: boolean }[]>`
    WITH old AS (
      SELECT id, "circuitOpenUntil" IS NOT NULL AS "wasOpen" FROM "Endpoint"
       WHERE id = ${e.id} AND ("failingSince" IS NOT NULL OR "circuitOpenUntil" IS NOT NULL)
         FOR UPDATE)
    UPDATE "Endpoint" AS p SET "failingSince" = NULL, "circuitOpenUntil" = NULL
      FROM old WHERE p.id = old.id
    RETURNING old."wasOpen"`;
  if (rows[0]?.wasOpen) {
    // No hold reaches further than now + the longest hold; those are the held ones.
    const resumed = await resumeDeliveries(e.id, new Date(Date.now() + holdSec(d) * 1000));
    log.info({ endpointId: e.id, resumed }, "circuit closed: the endpoint answered again");
  }
}

interface FailureRow {
  workspaceId: string;
  kind: "webhook" | "callback";
  consecutiveFailures: number;
  failingSince: Date;
  circuitOpenUntil: Date | null;
}

async function onFailure(o: AttemptOutcome) {
  const { id } = o.delivery.endpoint;
  const cfg = config();
  const now = new Date();
  const openUntil = new Date(now.getTime() + cfg.CIRCUIT_OPEN_SEC * 1000);
  // One statement, safe beside concurrent attempts: consecutiveFailures is the
  // recorder's committed count including this failure. failingSince restarts
  // when a success came after it (a success raced this endpoint's failures).
  const rows = await db.$queryRaw<FailureRow[]>`
    UPDATE "Endpoint"
       SET "failingSince" = CASE WHEN "failingSince" IS NULL OR "lastSuccessAt" >= "failingSince" THEN ${now}
                                 ELSE "failingSince" END,
           "circuitOpenUntil" = CASE WHEN "consecutiveFailures" >= ${cfg.CIRCUIT_FAILURE_THRESHOLD}
                                     THEN GREATEST("circuitOpenUntil", ${openUntil}) ELSE "circuitOpenUntil" END
     WHERE id = ${id} AND status = 'active'
    RETURNING "workspaceId", kind, "consecutiveFailures", "failingSince", "circuitOpenUntil"`;
  const e = rows[0];
  if (!e || e.kind !== "webhook") return; // gone, already disabled, or a hidden callback endpoint

  if (o.result.status === 410) {
    await disableEndpoint(id, "410 Gone from receiver");
    return;
  }
  const sustainedMs = cfg.AUTO_DISABLE_AFTER_SEC * 1000;
  if (
    sustainedMs > 0 &&
    e.consecutiveFailures >= cfg.CIRCUIT_FAILURE_THRESHOLD &&
    now.getTime() - e.failingSince.getTime() >= sustainedMs
  ) {
    await disableEndpoint(id, `every attempt failed for ${humanize(cfg.AUTO_DISABLE_AFTER_SEC)} (${e.consecutiveFailures} in a row)`, e.failingSince);
  }
}

/**
 * Disables the endpoint (its pending deliveries wait) and reports it once:
 * only the caller whose UPDATE flips the status emits the event and the email.
 */
export async function disableEndpoint(endpointId: string, reason: string, failingSince?: Date): Promise<boolean> {
  const rows = await db.$queryRaw<{ workspaceId: string; url: string; disabledAt: Date; consecutiveFailures: number }[]>`
    UPDATE "Endpoint" SET status = 'disabled', "disabledAt" = now(), "disabledReason" = ${reason}, "updatedAt" = now()
     WHERE id = ${endpointId} AND status = 'active' AND kind = 'webhook'
    RETURNING "workspaceId", url, "disabledAt", "consecutiveFailures"`;
  const e = rows[0];
  if (!e) return false;
  const pending = await db.delivery.count({ where: { endpointId, status: { in: ["pending", "sending"] } } });
  log.warn({ endpointId, reason, pending }, "endpoint disabled");
  await emitOperationalEvent(
    e.workspaceId,
    "endpoint.disabled",
    {
      webhook_id: endpointId,
      url: e.url,
      reason,
      disabled_at: e.disabledAt.toISOString(),
      consecutive_failures: e.consecutiveFailures,
      failing_since: failingSince?.toISOString() ?? null,
      pending_deliveries: pending,
    },
    `${endpointId}:${e.disabledAt.getTime()}`,
  );
  notify(notifyEndpointDisabled({ workspaceId: e.workspaceId, webhookId: endpointId, url: e.url, reason, pendingDeliveries: pending }));
  return true;
}

/** delivery.exhausted / delivery.recovered — never about deliveries of operational events (no loops). */
async function deliveryEvents({ delivery: d, attempt, result, step }: AttemptOutcome) {
  if (isOperationalEvent(d.event.type)) return;
  const base = {
    delivery_id: d.id,
    event_id: d.event.id,
    event_type: d.event.type,
    webhook_id: d.endpoint.id,
    url: d.endpoint.url,
    attempts: attempt,
  };
  if (step.status === "failed") {
    const lastError = lastErrorOf(result, false);
    await emitOperationalEvent(d.workspaceId, "delivery.exhausted", { ...base, last_status: result.status, last_error: lastError }, `${d.id}:${attempt}`);
    notify(
      notifyDeliveryExhausted({
        workspaceId: d.workspaceId,
        deliveryId: d.id,
        eventId: d.event.id,
        eventType: d.event.type,
        webhookId: d.endpoint.id,
        url: d.endpoint.url,
        attempts: attempt,
        lastStatus: result.status,
        lastError,
      }),
    );
  } else if (step.status === "succeeded" && attempt > 1) {
    await emitOperationalEvent(d.workspaceId, "delivery.recovered", base, `${d.id}:${attempt}`);
  }
}

/** Email goes out in the background: a slow mail server never holds up deliveries. */
function notify(sending: Promise<unknown>) {
  sending.catch((err) => log.warn({ err }, "notification failed"));
}

function humanize(sec: number): string {
  if (sec >= 86_400 && sec % 86_400 === 0) return `${sec / 86_400} day${sec === 86_400 ? "" : "s"}`;
  if (sec >= 3600 && sec % 3600 === 0) return `${sec / 3600} hour${sec === 3600 ? "" : "s"}`;
  if (sec >= 60 && sec % 60 === 0) return `${sec / 60} minute${sec === 60 ? "" : "s"}`;
  return `${sec} second${sec === 1 ? "" : "s"}`;
}
