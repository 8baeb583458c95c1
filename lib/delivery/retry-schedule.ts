// A retry schedule is the list of delays before each attempt: entry 0 is the
// delay of the first attempt (usually 0 = immediately), entry n the wait after
// attempt n failed. Its length is therefore the total number of attempts.

import { DELAY_PATTERN } from "../policy-defaults";

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses "0,5s,5m,30m,2h" (bare numbers are seconds). */
export function parseSchedule(text: string): number[] {
  const parts = text.split(",").map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) throw new Error("retry schedule must list at least one delay");
  return parts.map((part) => {
    const m = DELAY_PATTERN.exec(part);
    if (!m) throw new Error(`invalid delay "${part}" in retry schedule (use e.g. 0, 500ms, 5s, 5m, 2h)`);
    return Math.round(Number(m[1]) * UNIT_MS[m[2] ?? "s"]);
  });
}

/** Caps the schedule to 1 + maxRetries attempts (WEBHOOK_MAX_RETRIES, the downloads API's setting). */
export function capRetries(schedule: number[], maxRetries?: number): number[] {
  return maxRetries === undefined ? schedule : schedule.slice(0, maxRetries + 1);
}

/** Delay before attempt `next` (1-based), or null when the schedule is exhausted. */
export function delayBefore(schedule: number[], next: number): number | null {
  return next >= 1 && next <= schedule.length ? schedule[next - 1] : null;
}
