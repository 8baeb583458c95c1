// A loopback receiver on a plain TCP socket, for answers Node's http server
// refuses to write (NUL or raw non-UTF-8 bytes in headers) and for misbehaviour
// below HTTP (hanging, resetting, trickling). It reads each request fully,
// records it, then lets the test's `answer` do anything with the socket.
import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

export interface RawRequest {
  head: string;
  body: string;
  /** The request's webhook-id header (the event id), to count re-sends. */
  webhookId: string | null;
  at: number;
}

export interface RawReceiver {
  url: string;
  requests: RawRequest[];
  close(): Promise<void>;
}

export type RawAnswer = (socket: Socket, req: RawRequest) => void;

export async function startRawReceiver(answer: RawAnswer): Promise<RawReceiver> {
  const requests: RawRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {}); // resets are the point of some tests
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf("\r\n\r\n");
      if (end < 0) return;
      const head = buffered.subarray(0, end).toString("latin1");
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      if (buffered.length < end + 4 + length) return;
      socket.off("data", onData);
      const req: RawRequest = {
        head,
        body: buffered.subarray(end + 4, end + 4 + length).toString("utf8"),
        webhookId: /\r\nwebhook-id:\s*([^\r\n]+)/i.exec(head)?.[1].trim() ?? null,
        at: Date.now(),
      };
      requests.push(req);
      answer(socket, req);
    };
    socket.on("data", onData);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A complete HTTP/1.1 response from raw header lines and body bytes; the connection closes after it. */
export function rawResponse(status: string, headerLines: Buffer[], body: Buffer): Buffer {
  const crlf = Buffer.from("\r\n");
  return Buffer.concat([
    Buffer.from(`HTTP/1.1 ${status}\r\n`),
    ...headerLines.flatMap((h) => [h, crlf]),
    Buffer.from(`content-length: ${body.length}\r\nconnection: close\r\n\r\n`),
    body,
  ]);
}
