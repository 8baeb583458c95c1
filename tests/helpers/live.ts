// Live-feed clients for tests: plain WebSocket (/ws) and Socket.IO, with the
// headers a browser would send (cookie, Origin) when a test needs them.
import { io, type Socket } from "socket.io-client";
import WebSocket from "ws";
import { BASE_URL } from "./api";

// Every connection opened here, so a test file's after() can close them all, even
// one a failing assertion did not expect to open (it would keep the process alive).
const open = new Set<() => void>();
export function closeAllLive() {
  for (const close of open) close();
  open.clear();
}

export interface WsClient {
  ws: WebSocket;
  messages: any[];
  /** Resolves with the close code once the server (or the client) closes the connection. */
  closed: Promise<number>;
}

/** Opens /ws; rejects with `HTTP <status>` when the upgrade is refused. */
export function openWs(query = "", headers: Record<string, string> = {}): Promise<WsClient> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${BASE_URL.replace("http", "ws")}/ws${query}`, { headers });
    open.add(() => ws.terminate());
    const messages: any[] = [];
    const closed = new Promise<number>((r) => ws.once("close", (code) => r(code)));
    ws.on("message", (d) => messages.push(JSON.parse(String(d))));
    ws.once("open", () => resolve({ ws, messages, closed }));
    ws.once("unexpected-response", (_req, res) => {
      reject(new Error(`HTTP ${res.statusCode}`));
      ws.terminate();
    });
    ws.once("error", reject);
  });
}

/** Sends one command and waits for the next reply that is not an event. */
export async function command(c: WsClient, cmd: unknown): Promise<any> {
  const seen = c.messages.length;
  c.ws.send(typeof cmd === "string" ? cmd : JSON.stringify(cmd));
  const deadline = Date.now() + 5000;
  for (;;) {
    const reply = c.messages.slice(seen).find((m) => m.type !== "event");
    if (reply) return reply;
    if (Date.now() > deadline) throw new Error(`no reply to ${JSON.stringify(cmd)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A Socket.IO client over WebSocket; `connected` rejects with the server's connect_error. */
export function openSocket(opts: { token?: string; headers?: Record<string, string> } = {}): { socket: Socket; connected: Promise<void> } {
  const socket = io(BASE_URL, {
    auth: opts.token ? { token: opts.token } : {},
    extraHeaders: opts.headers,
    transports: ["websocket"],
    reconnection: false,
  });
  open.add(() => socket.close());
  const connected = new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return { socket, connected };
}
