// One outbound POST: timeout, no redirects followed, response read up to 64 KB
// and then cut off so a huge or endless response cannot hold a worker.
import { Agent, request } from "undici";

export const RESPONSE_BODY_LIMIT = 64 * 1024;

export interface SendResult {
  status: number | null;
  headers: Record<string, string> | null;
  body: string | null;
  error: string | null;
  durationMs: number;
}

const agent = new Agent({ connections: 256, keepAliveTimeout: 10_000, pipelining: 1 });

export async function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<SendResult> {
  const started = performance.now();
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await request(url, {
      method: "POST",
      headers,
      body,
      dispatcher: agent,
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
      durationMs: Math.round(performance.now() - started),
    };
  } catch (err) {
    return { status: null, headers: null, body: null, error: describe(err, timeoutMs), durationMs: Math.round(performance.now() - started) };
  }
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
