// Answers server.ts gives itself, before a request reaches Next.js: in the API's error
// envelope ({ "error": { "code", "message" } }, lib/api/error-codes.ts), with the connection closed.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { ErrorCode } from "../api/error-codes";

export function refuse(req: IncomingMessage, res: ServerResponse, status: number, code: ErrorCode, message: string) {
  // Next.js may still try to answer the unfinished request: its late write must not crash the process.
  res.on("error", () => undefined);
  if (!res.headersSent) {
    const body = JSON.stringify({ error: { code, message } });
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body), connection: "close" });
    res.end(body);
  }
  // A lingering close, as nginx does: Node would destroy the socket as soon as the answer is
  // out, and a client still writing its body (most send it all before reading) would get a
  // reset instead of this answer. So only our side is closed; what the client still sends is
  // read and dropped (Node's parser discards it) for LINGER_MS, then the socket is destroyed.
  const socket = req.socket;
  socket.destroySoon = () => socket.end();
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}

const LINGER_MS = 3000;

/** A path Next.js could not decode (bad %-escapes, or escapes that are not UTF-8) answers its own bare 500. */
export function undecodablePath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/**
 * A request Node's HTTP parser rejects (NUL or other control characters in a header, a
 * broken request line, headers too large) never reaches a route; Node would answer a bare
 * 400. This answers in the error envelope instead (server.on("clientError")).
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex) {
  if (err.code === "ECONNRESET" || !socket.writable) return void socket.destroy();
  const [status, reason, message] =
    err.code === "HPE_HEADER_OVERFLOW" ? [431, "Request Header Fields Too Large", "Request headers are too large"] : [400, "Bad Request", "Malformed HTTP request (invalid characters in the request line or a header)"];
  const body = JSON.stringify({ error: { code: "bad_request", message } });
  socket.end(`HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
}
