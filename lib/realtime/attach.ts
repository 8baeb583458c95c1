// Attaches the live feed to the web server: Socket.IO (with the Redis adapter,
// so batches published by any process reach every web process) and the Content Protection Platform's
// plain WebSocket protocol at /ws. Unauthenticated connections are refused, and
// so are session-cookie connections from another origin (authenticate.ts); open
// connections are closed once their credentials lapse (access.ts).
import type { IncomingMessage, Server as HttpServer } from "node:http";
import type { Duplex } from "node:stream";
import { Server as SocketServer } from "socket.io";
import { createAdapter } from "@socket.io/redis-adapter";
import { WebSocketServer, type WebSocket } from "ws";
import { pubSubConnections } from "../redis";
import { config } from "../config";
import { logger } from "../logger";
import { watchAccess } from "./access";
import { authenticateLive, type LivePrincipal } from "./authenticate";
import { LiveHub } from "./hub";
import { errorReply, LIVE_BATCH, parseCommand, type LiveEvent } from "./messages";
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

// 1008 "policy violation": the server ended the connection on purpose (credentials lapsed).
const WS_POLICY_CLOSE = 1008;

export function attachLiveFeed(server: HttpServer): LiveFeed {
  const hub = new LiveHub();
  const stopWatching = watchAccess(hub, config().LIVE_RECHECK_SEC * 1000);
  // An outage is logged once per connection (not as ioredis's "Unhandled error event" per reconnect try).
  const { pub, sub } = pubSubConnections("live feed");
  const io = new SocketServer(server, {
    adapter: createAdapter(pub, sub, { key: liveChannelKey() }),
    // Other upgrade requests (/ws, Next.js) belong to other handlers.
    destroyUpgrade: false,
  });

  io.use(async (socket, next) => {
    const token = typeof socket.handshake.auth?.token === "string" ? socket.handshake.auth.token : undefined;
    const result = await authenticateLive(headersOf(socket.request), token).catch(() => null);
    if (!result || !("principal" in result)) return next(new Error(result?.message ?? "unauthorized: sign in or pass a live-feed token"));
    socket.data.principal = result.principal;
    next();
  });

  io.on("connection", (socket) => {
    const client = hub.add(
      socket.data.principal,
      (messages) => socket.emit("events", messages),
      (code, message) => {
        socket.emit("message", errorReply(code, message));
        socket.disconnect(true);
      },
    );
    socket.on("message", (raw: unknown) => {
      const parsed = parseCommand(raw);
      socket.emit("message", "command" in parsed ? hub.command(client, parsed.command) : parsed.error);
    });
    socket.on("disconnect", () => hub.remove(client));
  });

  // Batches from every process (publisher.ts) arrive here through the adapter.
  io.on(LIVE_BATCH, (events: LiveEvent[]) => hub.dispatch(events));

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  wss.on("connection", (ws: WebSocket, _req: IncomingMessage, principal: LivePrincipal, batch: boolean) => {
    const client = hub.add(
      principal,
      (messages) => {
        if (batch) ws.send(JSON.stringify({ type: "batch", events: messages }));
        else for (const m of messages) ws.send(JSON.stringify(m));
      },
      (code, message) => {
        ws.send(JSON.stringify(errorReply(code, message)));
        ws.close(WS_POLICY_CLOSE, code);
      },
    );
    ws.on("message", (data) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(String(data));
      } catch {
        ws.send(JSON.stringify(errorReply("invalid_json", "messages must be JSON")));
        return;
      }
      const cmd = parseCommand(parsed);
      ws.send(JSON.stringify("command" in cmd ? hub.command(client, cmd.command) : cmd.error));
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
        .then((result) => {
          if (!result || !("principal" in result)) {
            const status = result?.refused === 403 ? "403 Forbidden" : "401 Unauthorized";
            socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${result?.message ?? "unauthorized"}\n`);
            return;
          }
          const batch = url.searchParams.get("batch") === "true";
          wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req, result.principal, batch));
        })
        // A throw while answering (e.g. the client already gone) must not become an unhandled rejection.
        .catch((err) => {
          log.warn({ err }, "live feed upgrade failed");
          socket.destroy();
        });
      return true;
    },
    async close() {
      stopWatching();
      hub.close();
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((r) => io.close(() => r()));
      pub.disconnect();
      sub.disconnect();
      log.debug("live feed closed");
    },
  };
}
