// Attaches the live feed to the web server: Socket.IO (with the Redis adapter,
// so batches published by any process reach every web process) and seed 000's
// plain WebSocket protocol at /ws. Unauthenticated connections are refused.
import type { IncomingMessage, Server as HttpServer } from "node:http";
import type { Duplex } from "node:stream";
import { Server as SocketServer } from "socket.io";
import { createAdapter } from "@socket.io/redis-adapter";
import { WebSocketServer, type WebSocket } from "ws";
import { Redis } from "ioredis";
import { logRedisErrors } from "../queue/connection";
import { config } from "../config";
import { logger } from "../logger";
import { authenticateLive } from "./authenticate";
import { LiveHub } from "./hub";
import { clientCommand, LIVE_BATCH, type LiveEvent } from "./messages";
import { liveChannelKey } from "./publisher";

const log = logger.child({ proc: "web", part: "live" });

export interface LiveFeed {
  hub: LiveHub;
  /** Handles an upgrade if it is ours (/ws); returns false to let Next.js have it. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): Promise<void>;
}

const headersOf = (req: IncomingMessage) => {
  const h = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") h.set(k, v);
  return h;
};

export function attachLiveFeed(server: HttpServer): LiveFeed {
  const hub = new LiveHub();
  // An outage is logged once per connection (not as ioredis's "Unhandled error event" per reconnect try).
  const pub = logRedisErrors(new Redis(config().REDIS_URL, { maxRetriesPerRequest: null }), "live feed publisher");
  const sub = logRedisErrors(pub.duplicate(), "live feed subscriber");
  const io = new SocketServer(server, {
    adapter: createAdapter(pub, sub, { key: liveChannelKey() }),
    // Other upgrade requests (/ws, Next.js) belong to other handlers.
    destroyUpgrade: false,
  });

  io.use(async (socket, next) => {
    const token = typeof socket.handshake.auth?.token === "string" ? socket.handshake.auth.token : undefined;
    const principal = await authenticateLive(headersOf(socket.request), token).catch(() => null);
    if (!principal) return next(new Error("unauthorized: sign in or pass a live-feed token"));
    socket.data.workspaceId = principal.workspaceId;
    next();
  });

  io.on("connection", (socket) => {
    const client = hub.add(socket.data.workspaceId, (messages) => socket.emit("events", messages));
    socket.on("message", (raw: unknown) => {
      const cmd = clientCommand.safeParse(raw);
      const reply = cmd.success ? hub.command(client, cmd.data) : { type: "error", message: "unknown command" };
      if (reply) socket.emit("message", reply);
    });
    socket.on("disconnect", () => hub.remove(client));
  });

  // Batches from every process (publisher.ts) arrive here through the adapter.
  io.on(LIVE_BATCH, (events: LiveEvent[]) => hub.dispatch(events));

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  wss.on("connection", (ws: WebSocket, _req: IncomingMessage, workspaceId: string, batch: boolean) => {
    const client = hub.add(workspaceId, (messages) => {
      if (batch) ws.send(JSON.stringify({ type: "batch", events: messages }));
      else for (const m of messages) ws.send(JSON.stringify(m));
    });
    ws.on("message", (data) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(String(data));
      } catch {
        ws.send(JSON.stringify({ type: "error", message: "messages must be JSON" }));
        return;
      }
      const cmd = clientCommand.safeParse(parsed);
      const reply = cmd.success ? hub.command(client, cmd.data) : { type: "error", message: "unknown command: use subscribe, unsubscribe or ping" };
      if (reply) ws.send(JSON.stringify(reply));
    });
    ws.on("close", () => hub.remove(client));
  });

  return {
    hub,
    handleUpgrade(req, socket, head) {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (url.pathname !== "/ws") return false;
      authenticateLive(headersOf(req), url.searchParams.get("token"))
        .catch(() => null)
        .then((principal) => {
          if (!principal) {
            socket.end("HTTP/1.1 401 Unauthorized\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nunauthorized\n");
            return;
          }
          const batch = url.searchParams.get("batch") === "true";
          wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req, principal.workspaceId, batch));
        });
      return true;
    },
    async close() {
      hub.close();
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((r) => io.close(() => r()));
      pub.disconnect();
      sub.disconnect();
      log.debug("live feed closed");
    },
  };
}
