// Drives ingest load through the HTTP API (POST /api/v1/events) at a steady
// rate and records every answer: which events were accepted (202 + id), which
// were refused and how, and how long each answer took.
import { Agent, request } from "undici";

export interface IngestResult {
  /** When the request was sent (ms since epoch). */
  at: number;
  /** HTTP status, or 0 when no answer came (connection refused, reset, timed out). */
  status: number;
  ms: number;
  eventId?: string;
  retryAfter?: string;
  error?: string;
}

export interface LoadOptions {
  baseUrl: string;
  apiKey: string;
  eventType: string;
  ratePerSec: number;
  /** Stops after this many events or this long, whichever comes first. */
  maxEvents: number;
  durationMs: number;
  /** Requests in flight at most; beyond it the driver falls behind rather than piling up. */
  maxInFlight?: number;
  requestTimeoutMs?: number;
}

export interface LoadRun {
  results: IngestResult[];
  /** Resolves once the load has stopped and every request has been answered or timed out. */
  done: Promise<IngestResult[]>;
  stop(): void;
}

export function startLoad(opts: LoadOptions): LoadRun {
  const { ratePerSec, maxEvents, durationMs, maxInFlight = 100, requestTimeoutMs = 10_000 } = opts;
  const agent = new Agent({ connections: maxInFlight, keepAliveTimeout: 10_000 });
  const results: IngestResult[] = [];
  const url = new URL("/api/v1/events", opts.baseUrl).toString();
  const headers = { authorization: `Bearer ${opts.apiKey}`, "content-type": "application/json" };
  const started = Date.now();
  // Pacing origin, moved forward when the driver fell behind (requests held up
  // by a fault): the rate resumes afterwards instead of bursting to catch up.
  let origin = started;
  let paced = 0;
  let stopped = false;
  let sent = 0;
  let inFlight = 0;
  const pending = new Set<Promise<void>>();

  const send = async (seq: number) => {
    const at = Date.now();
    const r: IngestResult = { at, status: 0, ms: 0 };
    try {
      const res = await request(url, {
        method: "POST",
        headers,
        body: JSON.stringify({ type: opts.eventType, data: { seq } }),
        dispatcher: agent,
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
      const text = await res.body.text();
      r.status = res.statusCode;
      const ra = res.headers["retry-after"];
      if (ra !== undefined) r.retryAfter = String(ra);
      if (res.statusCode === 202) r.eventId = JSON.parse(text).id;
      else r.error = text.slice(0, 200);
    } catch (err) {
      r.error = (err as Error).message;
    }
    r.ms = Date.now() - at;
    results.push(r);
  };

  const done = (async () => {
    while (!stopped && sent < maxEvents && Date.now() - started < durationMs) {
      // Steady pacing: event n is due at start + n / rate.
      let due = origin + (paced * 1000) / ratePerSec;
      if (Date.now() - due > 1000) {
        origin = Date.now();
        paced = 0;
        due = origin;
      }
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, Math.min(wait, 50)));
      if (wait > 50) continue;
      if (inFlight >= maxInFlight) {
        await Promise.race(pending);
        continue;
      }
      inFlight++;
      paced++;
      const p = send(sent++).finally(() => {
        inFlight--;
        pending.delete(p);
      });
      pending.add(p);
    }
    await Promise.allSettled([...pending]);
    await agent.close();
    return results;
  })();

  return { results, done, stop: () => void (stopped = true) };
}

/** The pth percentile (0–100) of `values`, or null when empty. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
