// One HTTP server for the whole web process: Next.js pages and API routes, and
// the live feed (Socket.IO, and the Content Protection Platform's plain WebSocket protocol at /ws).
import { createServer } from "node:http";
import next from "next";
import { config } from "@/lib/config";
import { logger } from "@/lib/logger";
import { attachLiveFeed } from "@/lib/realtime/attach";
import { CLIENT_IP_HEADER, clientAddress, parseTrustedProxies } from "@/lib/auth/client-address";
import { bodyLimitFor, limitBody } from "@/lib/http/body-limit";
import { securityHeaders } from "@/lib/http/security-headers";
import { answerClientError, refuse, undecodablePath } from "@/lib/http/refuse";

const dev = config().NODE_ENV !== "production";
// Loopback unless HOST is set (lib/config.ts): with open sign-up, listening on every
// interface by default would put a fresh install on the network unasked.
const { PORT: port, HOST: hostname } = config();
const log = logger.child({ proc: "web" });

async function main() {
  const app = next({ dev, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const trustedProxies = parseTrustedProxies(config().TRUSTED_PROXIES);
  const server = createServer((req, res) => {
    // The client's address for the per-IP and sign-in rate limits; a value sent by the
    // client is never trusted, X-Forwarded-For only from TRUSTED_PROXIES.
    req.headers[CLIENT_IP_HEADER] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedProxies);
    const path = (req.url ?? "/").split("?")[0];
    for (const [name, value] of Object.entries(securityHeaders(path))) res.setHeader(name, value);
    if (undecodablePath(path)) return refuse(req, res, 400, "bad_request", "The URL path is not valid percent-encoded UTF-8");
    // Every body is capped here, while it streams, before Next.js or better-auth can buffer it.
    if (!limitBody(req, res, bodyLimitFor(path))) return;
    void handle(req, res);
  });
  server.on("clientError", answerClientError);
  const live = attachLiveFeed(server);
  const upgrade = app.getUpgradeHandler();
  // Socket.IO takes its own path; /ws is ours; everything else is Next.js's.
  server.on("upgrade", (req, socket, head) => {
    if (req.url?.startsWith("/socket.io/")) return;
    if (!live.handleUpgrade(req, socket, head)) void upgrade(req, socket, head);
  });

  server.listen(port, hostname, () => log.info({ url: `http://localhost:${port}`, host: hostname }, "web server listening"));

  const shutdown = (signal: string) => {
    log.info({ signal }, "web server stopping");
    void live.close();
    server.close(() => process.exit(0));
    // Keep-alive connections may hold close() open; don't wait forever.
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((err) => {
  log.fatal({ err }, "web server failed to start");
  process.exit(1);
});
