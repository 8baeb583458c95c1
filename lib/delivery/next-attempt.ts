// After an attempt: is the delivery done, failed, or due again — and when?
import { config } from "../config";
import type { EndpointPolicy } from "../validation/endpoint-policy";
import { DEFAULT_JITTER, RETRY_PRESETS } from "../policy-defaults";
import { classifyResult, type Outcome } from "./outcome";
import { capRetries, delayBefore, parseSchedule } from "./retry-schedule";
import type { SendResult } from "./http-sender";

export const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

let envSchedule: number[] | undefined;

/** The endpoint's schedule (preset or custom), or the environment's default. */
export function scheduleFor(policy: EndpointPolicy): number[] {
  const retry = policy.retry;
  let schedule: number[];
  if (!retry) {
    envSchedule ??= parseSchedule(config().DELIVERY_RETRY_SCHEDULE);
    schedule = envSchedule;
  } else if (retry.preset === "custom") {
    schedule = parseSchedule((retry.schedule ?? ["0"]).join(","));
  } else {
    schedule = parseSchedule(RETRY_PRESETS[retry.preset].schedule.join(","));
  }
  return capRetries(schedule, config().WEBHOOK_MAX_RETRIES);
}

/** Retry-After as seconds or an HTTP date, in ms from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export interface NextStep {
  outcome: Outcome;
  status: "succeeded" | "pending" | "failed";
  /** Delay before the next attempt, when status is "pending". */
  delayMs: number | null;
}

export function nextStep(result: SendResult, policy: EndpointPolicy, attempt: number, now = Date.now(), random = Math.random): NextStep {
  const outcome = classifyResult(result);
  if (outcome === "success") return { outcome, status: "succeeded", delayMs: null };
  if (outcome === "permanent") return { outcome, status: "failed", delayMs: null };
  const scheduled = delayBefore(scheduleFor(policy), attempt + 1);
  if (scheduled === null) return { outcome, status: "failed", delayMs: null };
  const jitter = policy.retry?.jitter ?? DEFAULT_JITTER;
  let delayMs = Math.round(scheduled * (1 + jitter * (2 * random() - 1)));
  // The receiver asked us to wait: never sooner than it said, never past 24 h.
  const retryAfter = parseRetryAfter(result.headers?.["retry-after"], now);
  if (retryAfter !== null) delayMs = Math.max(delayMs, Math.min(retryAfter, MAX_RETRY_AFTER_MS));
  return { outcome, status: "pending", delayMs };
}
