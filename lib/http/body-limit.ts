// A hard cap on every request body, enforced by server.ts while the bytes arrive: before
// Next.js, better-auth (which reads its JSON whole) or any route can buffer them. A chunked
// body has no Content-Length to trust, so the bytes themselves are counted.
import type { IncomingMessage, ServerResponse } from "node:http";
import { config } from "../config";
import { MAX_BATCH_BYTES } from "../api/body-limits";
import { refuse } from "./refuse";

/** The largest body a path may receive. The routes' own limits (their contracts' maxBytes) are at most this. */
export function bodyLimitFor(path: string): number {
  if (path === "/api/v1/events/batch") return MAX_BATCH_BYTES;
  if (path.startsWith("/api/auth/")) return config().AUTH_BODY_MAX_BYTES;
  return config().REQUEST_BODY_MAX_BYTES;
}

/**
 * Refuses the request with 413 at once if it declares a body over `max`; otherwise counts its
 * body as Node's HTTP parser hands it over and refuses it the moment it passes `max`, dropping
 * the rest. Returns false when the request was refused up front (don't hand it on).
 */
export function limitBody(req: IncomingMessage, res: ServerResponse, max: number): boolean {
  if (Number(req.headers["content-length"] ?? 0) > max) {
    tooLarge(req, res, max);
    return false;
  }
  let received = 0;
  let over = false;
  // The parser feeds the body to the request with push(); counting there sees every byte
  // before anyone buffers it, without changing how Next.js reads the stream.
  const push = req.push.bind(req);
  req.push = (chunk: Buffer | null, encoding?: BufferEncoding) => {
    if (over) return true; // keep the socket flowing and drop the bytes until it closes
    if (chunk) {
      received += chunk.length;
      if (received > max) {
        over = true;
        tooLarge(req, res, max);
        return true;
      }
    }
    return push(chunk, encoding);
  };
  return true;
}

const tooLarge = (req: IncomingMessage, res: ServerResponse, max: number) =>
  refuse(req, res, 413, "payload_too_large", `Request body exceeds the ${Math.round(max / 1024)} KB limit`);
