// One outbound POST: SSRF-guarded (lib/delivery/ssrf.ts), timeout, no redirects
// followed, response read up to 64 KB and then cut off so a huge or endless
// response cannot hold a worker.
import { Agent, request } from "undici";
import { defaultGuard, guardedLookup, isAllowedUrl, literalUrlProblem, type DestinationGuard } from "./ssrf";
import { defaultPort } from "./self-destination";

export const RESPONSE_BODY_LIMIT = 64 * 1024;

export interface SendResult {
  status: number | null;
  headers: Record<string, string> | null;
  body: string | null;
  error: string | null;
  durationMs: number;
  /** The SSRF guard refused the destination: nothing was sent, and retrying cannot help. */
  blocked?: boolean;
}

// One pool per guard, scheme and "is it our own web server's port": the lookup
// that checks addresses is fixed when the pool is made (and never sees the
// port), and plain http may have the stricter rule.
const agents = new WeakMap<DestinationGuard, Map<string, Agent>>();
const POOL = { connections: 256, keepAliveTimeout: 10_000, pipelining: 1 };

function dispatcherFor(guard: DestinationGuard, protocol: string, port: number): Agent {
  let byKey = agents.get(guard);
  if (!byKey) agents.set(guard, (byKey = new Map()));
  const ownPort = guard.self?.port === port ? port : undefined;
  const key = `${protocol}|${ownPort ?? ""}`;
  let agent = byKey.get(key);
  if (!agent) {
    // net/tls.connect call this instead of dns.lookup and connect to the address it returns.
    agent = new Agent({ ...POOL, connect: { lookup: guardedLookup(guard, protocol, undefined, ownPort) } });
    byKey.set(key, agent);
  }
  return agent;
}

// ALLOWED_DESTINATION_URLS are trusted as written by whoever runs the deployment: no address check.
let exactUrlAgent: Agent | undefined;

/** `guard` defaults to the environment's (ALLOWED_DESTINATION_CIDRS / _URLS, NODE_ENV, this deployment). */
export async function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  guard: DestinationGuard = defaultGuard(),
): Promise<SendResult> {
  const started = performance.now();
  const signal = AbortSignal.timeout(timeoutMs);
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const target = new URL(url);
    // An IP literal is connected to without any lookup, so it is checked here (and APP_URL's host).
    const refused = literalUrlProblem(target, guard);
    if (refused) return { status: null, headers: null, body: null, error: refused, durationMs: elapsed(), blocked: true };
    const dispatcher = isAllowedUrl(target, guard) ? (exactUrlAgent ??= new Agent(POOL)) : dispatcherFor(guard, target.protocol, defaultPort(target));
    const res = await request(url, {
      method: "POST",
      headers,
      body,
      dispatcher,
      signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const text = await readLimited(res.body, RESPONSE_BODY_LIMIT);
    return {
      status: res.statusCode,
      headers: flattenHeaders(res.headers),
      body: text,
      error: null,
      durationMs: elapsed(),
    };
  } catch (err) {
    const blocked = findBlocked(err);
    if (blocked) return { status: null, headers: null, body: null, error: blocked, durationMs: elapsed(), blocked: true };
    return { status: null, headers: null, body: null, error: describe(err, timeoutMs), durationMs: elapsed() };
  }
}

/** The guard's refusal message when `err` (or an error it wraps) is one. */
function findBlocked(err: unknown): string | null {
  for (let e = err as { code?: string; message?: string; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (e.code === "ERR_DESTINATION_BLOCKED") return e.message ?? "destination blocked";
    e = e.cause as typeof e;
  }
  return null;
}

async function readLimited(body: AsyncIterable<Buffer> & { destroy(): void }, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= limit) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, limit).toString("utf8");
}

function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

function describe(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === "TimeoutError" || e.name === "AbortError" || e.code?.includes("TIMEOUT")) {
    return `timeout: no complete response within ${timeoutMs} ms`;
  }
  const code = e.code ?? e.cause?.code;
  const message = e.cause?.message ?? e.message ?? String(err);
  return code ? `${code}: ${message}` : message;
}
