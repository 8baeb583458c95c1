// A webhook's delivery settings where it has none of its own: retry presets (their
// schedules and the names the dashboard shows), retry jitter, attempt timeout. The
// server (validation, lib/config.ts's defaults, the worker) and the dashboard (the
// webhook form, the settings card) import them from here, so both say the same.
// Pure data and functions: no server-only imports, so client components may use it.

/** Delays before each attempt; the first entry is the initial attempt. */
export const RETRY_PRESETS = {
  standard: { name: "Standard", schedule: ["0", "5s", "5m", "30m", "2h", "5h", "10h", "10h"] },
  "gentle-6h": { name: "Gentle", schedule: ["0", "1m", "5m", "15m", "1h", "6h"] },
  "moderate-2h": { name: "Moderate", schedule: ["0", "1m", "5m", "30m", "2h"] },
  "quick-exponential": { name: "Quick", schedule: ["0", "1s", "2s", "4s"] },
} as const;
export type RetryPreset = keyof typeof RETRY_PRESETS;
export const RETRY_PRESET_KEYS = Object.keys(RETRY_PRESETS) as [RetryPreset, ...RetryPreset[]];

/** The schedule of a webhook without retry settings (DELIVERY_RETRY_SCHEDULE's default). */
export const DEFAULT_RETRY_SCHEDULE = RETRY_PRESETS.standard.schedule.join(",");

/** ±fraction of each retry delay, so many failing deliveries don't retry in lockstep. */
export const DEFAULT_JITTER = 0.2;

/** Per-attempt timeout of a webhook without its own (WEBHOOK_TIMEOUT_SEC's default). */
export const DEFAULT_TIMEOUT_SEC = 15;

/** One delay of a retry schedule: a number and an optional unit (bare numbers are seconds). */
export const DELAY_PATTERN = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/;

const UNIT_WORDS: Record<string, string> = { ms: "ms", s: "s", m: "min", h: "h", d: "d" };

/** "0" → "immediately", "5m" → "5 min", "30" → "30 s" (bare numbers are seconds). */
export function describeDelay(delay: string): string {
  const m = DELAY_PATTERN.exec(delay.trim());
  if (!m) return delay;
  return Number(m[1]) === 0 ? "immediately" : `${m[1]} ${UNIT_WORDS[m[2] ?? "s"]}`;
}

/** "Standard: immediately, 5 s, 5 min, …", as the webhook form lists the presets. */
export function retryPresetLabel(preset: RetryPreset): string {
  const { name, schedule } = RETRY_PRESETS[preset];
  return `${name}: ${schedule.map(describeDelay).join(", ")}`;
}
