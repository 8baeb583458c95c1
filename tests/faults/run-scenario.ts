// Runs one fault scenario: 4 webhooks to real loopback receivers, steady
// ingest load through the HTTP API while the fault is injected, then (bounded)
// quiescence and the reconciliation of every accepted event × endpoint.
import { randomBytes } from "node:crypto";
import { startCountingReceiver, type CountingReceiver } from "./counting-receiver";
import { startLoad, percentile, type IngestResult } from "./load-driver";
import { allDelivered, reconcile, type Reconciliation } from "./reconcile";
import { deliveryStates } from "./delivery-states";
import type { FaultStack, StackOptions } from "./fault-stack";

export const ENDPOINTS = 4;
/** The bar: every accepted delivery arrived within this long after the fault ended. */
export const RECOVERY_LIMIT_SEC = 30;

export interface FaultContext {
  stack: FaultStack;
  sleep(ms: number): Promise<void>;
  /** The scenario's receivers (one per webhook). */
  receivers: CountingReceiver[];
}

export interface Scenario {
  name: string;
  title: string;
  stack?: StackOptions;
  /** Events per second during the run; default 200. */
  rate?: number;
  /** Receivers answer after this long (keeps attempts in flight); default 0. */
  receiverDelayMs?: number;
  /** Normal load before the fault (ms); default 3000. */
  leadMs?: number;
  /** Load kept up after the fault ended (ms); default 3000. */
  tailMs?: number;
  /** Runs before the load starts (e.g. queueing a backlog). */
  prepare?(ctx: FaultContext, ingest: (n: number) => Promise<IngestResult[]>): Promise<void>;
  /** The fault. Resolves when it has ended (processes and instances back). */
  inject(ctx: FaultContext): Promise<void>;
  /** Checks of the ingest answers inside the fault window; returns the problems found. */
  checkIngest?(during: IngestResult[], before: IngestResult[]): string[];
}

export interface ScenarioResult extends Reconciliation {
  name: string;
  title: string;
  recoverySec: number | null;
  faultSec: number;
  /** Deliveries of accepted events that did not end `succeeded` in PostgreSQL (stranded or dead-lettered). */
  stranded: number;
  /** Those deliveries' rows by status, e.g. { succeeded: 4000, sending: 12 }. */
  states: Record<string, number>;
  /** Ingest during the run: events per second achieved, answer times of the 202s, answers by status. */
  ingest: { perSec: number | null; p50Ms: number | null; p99Ms: number | null; statuses: Record<string, number> };
  problems: string[];
  passed: boolean;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** How long after the fault ends the suite waits for the last deliveries. */
const QUIESCE_MS = 90_000;

/**
 * A few events delivered end to end before the measured run: the stack works,
 * and the first requests' compile and connection costs stay out of the figures.
 */
async function warmUp(options: { baseUrl: string; apiKey: string; eventType: string }, receivers: CountingReceiver[]) {
  const got = await startLoad({ ...options, ratePerSec: 20, maxEvents: 20, durationMs: 30_000 }).done;
  const deadline = Date.now() + 60_000;
  while (!allDelivered(got, receivers)) {
    if (Date.now() > deadline) throw new Error(`warm-up: ${got.filter((r) => r.status === 202).length} of 20 events accepted and not all delivered within 60 s`);
    await sleep(200);
  }
  if (!got.some((r) => r.status === 202)) throw new Error(`warm-up: no event accepted (${got[0]?.status}: ${got[0]?.error})`);
  for (const rx of receivers) rx.reset();
}

export async function runScenario(stack: FaultStack, scenario: Scenario): Promise<ScenarioResult> {
  const receivers: CountingReceiver[] = [];
  const problems: string[] = [];
  try {
    for (let i = 0; i < ENDPOINTS; i++) receivers.push(await startCountingReceiver(scenario.receiverDelayMs ?? 0));
    // Its own event type per run: a stack shared by several scenarios keeps them apart.
    const eventType = `fault.${scenario.name.replace(/[^a-z0-9]+/gi, "_")}_${randomBytes(2).toString("hex")}`;
    for (const rx of receivers) {
      const res = await fetch(`${stack.baseUrl}/api/v1/webhooks`, {
        method: "POST",
        headers: { authorization: `Bearer ${stack.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({ url: rx.url, events: [eventType] }),
      });
      if (res.status !== 201 && res.status !== 200) throw new Error(`creating a webhook answered ${res.status}: ${await res.text()}`);
    }
    const loadOptions = { baseUrl: stack.baseUrl, apiKey: stack.apiKey, eventType };
    const results: IngestResult[] = [];
    await warmUp(loadOptions, receivers);
    const ctx: FaultContext = { stack, sleep, receivers };

    if (scenario.prepare) {
      await scenario.prepare(ctx, async (n) => {
        const run = startLoad({ ...loadOptions, ratePerSec: 1000, maxEvents: n, durationMs: 60_000 });
        const got = await run.done;
        results.push(...got);
        return got;
      });
    }

    const rate = scenario.rate ?? 200;
    // Bounded: the fault decides how long the load lasts, but never more than 3 minutes.
    const load = startLoad({ ...loadOptions, ratePerSec: rate, maxEvents: rate * 180, durationMs: 180_000 });
    const loadStart = Date.now();
    let faultStart = 0;
    let faultEnd = 0;
    try {
      await sleep(scenario.leadMs ?? 3000);
      faultStart = Date.now();
      await scenario.inject(ctx);
      faultEnd = Date.now();
      await sleep(scenario.tailMs ?? 3000);
    } finally {
      load.stop();
      results.push(...(await load.done));
    }
    const perSec = Math.round(load.results.length / ((Date.now() - loadStart) / 1000));

    // Quiescence: every accepted event at every endpoint and recorded as succeeded, or the time is up.
    const acceptedIds = results.filter((r) => r.status === 202 && r.eventId).map((r) => r.eventId!);
    const deadline = Math.max(Date.now(), faultEnd) + QUIESCE_MS;
    const readStates = () => deliveryStates(stack.pg.url, acceptedIds).catch(() => ({}) as Record<string, number>);
    let states: Record<string, number> = {};
    while (Date.now() < deadline) {
      if (allDelivered(results, receivers)) {
        states = await readStates();
        if ((states.succeeded ?? 0) >= acceptedIds.length * ENDPOINTS) break;
        await sleep(1000);
      } else await sleep(250);
    }
    await sleep(1500); // late duplicates still count
    states = await readStates();
    const stranded = acceptedIds.length * ENDPOINTS - (states.succeeded ?? 0);

    const rec = reconcile(results, receivers);
    const lastNew = Math.max(...receivers.map((r) => r.lastNewAt() ?? 0));
    // Not recovered at all while deliveries are missing: no figure then.
    const recoverySec = lastNew && rec.lost === 0 ? Math.max(0, (lastNew - faultEnd) / 1000) : null;
    if (rec.accepted === 0) problems.push("no event was accepted");
    if (stranded > 0) problems.push(`${stranded} deliveries of accepted events did not end succeeded (${JSON.stringify(states)})`);
    if (rec.lost > 0) problems.push(`${rec.lost} accepted deliveries never arrived (e.g. ${rec.lostSample.join(", ")})`);
    if (recoverySec !== null && recoverySec > RECOVERY_LIMIT_SEC) problems.push(`recovery took ${recoverySec.toFixed(1)} s (limit ${RECOVERY_LIMIT_SEC} s)`);
    const withoutId = receivers.reduce((n, r) => n + r.withoutId(), 0);
    if (withoutId > 0) problems.push(`${withoutId} requests without a webhook-id`);
    const during = results.filter((r) => r.at >= faultStart && r.at <= faultEnd);
    const before = results.filter((r) => r.at < faultStart);
    if (scenario.checkIngest) problems.push(...scenario.checkIngest(during, before));

    const statuses: Record<string, number> = {};
    for (const r of results) statuses[r.status || "no answer"] = (statuses[r.status || "no answer"] ?? 0) + 1;
    const accepted = results.filter((r) => r.status === 202).map((r) => r.ms);
    return {
      name: scenario.name,
      title: scenario.title,
      ...rec,
      recoverySec: recoverySec === null ? null : Math.round(recoverySec * 10) / 10,
      faultSec: Math.round((faultEnd - faultStart) / 100) / 10,
      stranded,
      states,
      ingest: { perSec, p50Ms: percentile(accepted, 50), p99Ms: percentile(accepted, 99), statuses },
      problems,
      passed: problems.length === 0,
    };
  } finally {
    await Promise.all(receivers.map((r) => r.close()));
  }
}
