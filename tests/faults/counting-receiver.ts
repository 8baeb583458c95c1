// A loopback webhook receiver for the fault suite: answers 200 (at once, or
// after `delayMs` to keep attempts in flight) and
// counts every request by its webhook-id (the event id, stable across retries),
// so the suite can reconcile what was accepted against what arrived.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface CountingReceiver {
  url: string;
  /** Requests per webhook-id. */
  counts: Map<string, number>;
  /** Time (ms since epoch) a webhook-id last arrived for the first time: when the last missing delivery came in. */
  lastNewAt: () => number | null;
  /** Forgets everything counted so far (after a warm-up). */
  reset(): void;
  /** Requests without a webhook-id header (each should carry one). */
  withoutId: () => number;
  close(): Promise<void>;
}

export async function startCountingReceiver(delayMs = 0): Promise<CountingReceiver> {
  const counts = new Map<string, number>();
  let lastNewAt: number | null = null;
  let withoutId = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const id = req.headers["webhook-id"];
      if (typeof id !== "string") withoutId++;
      else {
        const n = counts.get(id) ?? 0;
        if (n === 0) lastNewAt = Date.now();
        counts.set(id, n + 1);
      }
      const answer = () => {
        if (res.destroyed) return;
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("ok");
      };
      if (delayMs > 0) setTimeout(answer, delayMs);
      else answer();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    counts,
    lastNewAt: () => lastNewAt,
    reset: () => {
      counts.clear();
      lastNewAt = null;
    },
    withoutId: () => withoutId,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
