// The web process's side of the live feed: every connected client (Socket.IO
// or plain WebSocket), its workspace, subscriptions and filters (the Content Protection Platform's
// protocol), and a 10 Hz flush so a burst reaches a browser as a few batches.
import { config } from "../config";
import { matchesEventType } from "../webhooks/event-match";
import type { LivePrincipal } from "./authenticate";
import { errorReply, toMessage, type ClientCommand, type LiveEvent, type LiveMessage } from "./messages";

export const FLUSH_INTERVAL_MS = 100; // at most 10 updates per second per client
const MAX_QUEUE = 500;

// setTimeout's longest delay; a later expiry is left to the periodic re-check (access.ts).
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface LiveClient {
  principal: LivePrincipal;
  workspaceId: string;
  patterns: Set<string>;
  filters: Record<string, string | number | boolean>;
  queue: LiveMessage[];
  deliver(messages: LiveMessage[]): void;
  /** Ends the connection, telling the client why (an error message, then close). */
  close(code: string, message: string): void;
  expiry?: NodeJS.Timeout;
}

export class LiveHub {
  private clients = new Set<LiveClient>();
  private timer: NodeJS.Timeout;

  constructor() {
    this.timer = setInterval(() => this.flush(), FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  add(principal: LivePrincipal, deliver: LiveClient["deliver"], close: LiveClient["close"]): LiveClient {
    const client: LiveClient = {
      principal,
      workspaceId: principal.workspaceId,
      patterns: new Set(),
      filters: {},
      queue: [],
      deliver,
      // Out of the hub at once: a client that never completes the close handshake gets nothing more.
      close: (code, message) => {
        this.remove(client);
        close(code, message);
      },
    };
    const left = principal.expiresAt === undefined ? Infinity : principal.expiresAt - Date.now();
    if (left <= MAX_TIMER_MS) {
      client.expiry = setTimeout(() => client.close("token_expired", "the live-feed token expired: fetch a new one and reconnect"), Math.max(left, 0));
      client.expiry.unref();
    }
    this.clients.add(client);
    return client;
  }

  remove(client: LiveClient) {
    clearTimeout(client.expiry);
    this.clients.delete(client);
  }

  list(): LiveClient[] {
    return [...this.clients];
  }

  get size() {
    return this.clients.size;
  }

  /**
   * Applies a client command; returns the reply to send. Replies carry what the
   * command changed, never the whole set: `subscribed` lists this command's patterns
   * (now all held) and `unsubscribed` the patterns it removed; both give `total`,
   * the number of patterns the connection now holds.
   */
  command(client: LiveClient, cmd: ClientCommand): Record<string, unknown> {
    switch (cmd.action) {
      case "subscribe": {
        const wanted = [...new Set(cmd.events ?? ["*"])];
        const added = wanted.filter((p) => !client.patterns.has(p));
        const max = config().LIVE_MAX_PATTERNS;
        if (client.patterns.size + added.length > max) {
          return errorReply(
            "too_many_patterns",
            `at most ${max} patterns per connection (LIVE_MAX_PATTERNS): this one holds ${client.patterns.size} and the command adds ${added.length}; unsubscribe some first`,
          );
        }
        for (const p of added) client.patterns.add(p);
        if (cmd.filters) client.filters = cmd.filters;
        return { type: "subscribed", events: wanted, filters: client.filters, total: client.patterns.size };
      }
      case "unsubscribe": {
        const removed = cmd.events ? [...new Set(cmd.events)].filter((p) => client.patterns.delete(p)) : [...client.patterns];
        if (!cmd.events) client.patterns.clear();
        return { type: "unsubscribed", events: removed, total: client.patterns.size };
      }
      case "ping":
        return { type: "pong", timestamp: new Date().toISOString() };
    }
  }

  /** A batch from any process: queue each event for the clients that want it. */
  dispatch(events: LiveEvent[]) {
    // Grouped first, so a client's cost is its own workspace's events: another
    // tenant's burst in the same batch does not slow its delivery.
    const byWorkspace = new Map<string, LiveEvent[]>();
    for (const e of events) {
      const group = byWorkspace.get(e.workspaceId);
      if (group) group.push(e);
      else byWorkspace.set(e.workspaceId, [e]);
    }
    for (const client of this.clients) {
      const mine = byWorkspace.get(client.workspaceId);
      if (!mine) continue;
      const patterns = [...client.patterns];
      for (const e of mine) {
        if (!matchesEventType(patterns, e.event)) continue;
        if (!Object.entries(client.filters).every(([k, v]) => e.data?.[k] === v)) continue;
        client.queue.push(toMessage(e));
      }
      // A client that cannot keep up sees the newest; the full history is in the API.
      if (client.queue.length > MAX_QUEUE) client.queue.splice(0, client.queue.length - MAX_QUEUE);
    }
  }

  flush() {
    for (const client of this.clients) {
      if (client.queue.length === 0) continue;
      const batch = client.queue;
      client.queue = [];
      try {
        client.deliver(batch);
      } catch {
        // a closing connection; it will be removed by its close handler
      }
    }
  }

  close() {
    clearInterval(this.timer);
    for (const client of this.clients) clearTimeout(client.expiry);
    this.clients.clear();
  }
}
