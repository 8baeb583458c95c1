// The web process's side of the live feed: every connected client (Socket.IO
// or plain WebSocket), its workspace, subscriptions and filters (seed 000's
// protocol), and a 10 Hz flush so a burst reaches a browser as a few batches.
import { matchesEventType } from "../webhooks/event-match";
import { toMessage, type ClientCommand, type LiveEvent, type LiveMessage } from "./messages";

export const FLUSH_INTERVAL_MS = 100; // at most 10 updates per second per client
const MAX_QUEUE = 500;

export interface LiveClient {
  workspaceId: string;
  patterns: Set<string>;
  filters: Record<string, string | number | boolean>;
  queue: LiveMessage[];
  deliver(messages: LiveMessage[]): void;
}

export class LiveHub {
  private clients = new Set<LiveClient>();
  private timer: NodeJS.Timeout;

  constructor() {
    this.timer = setInterval(() => this.flush(), FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  add(workspaceId: string, deliver: (messages: LiveMessage[]) => void): LiveClient {
    const client: LiveClient = { workspaceId, patterns: new Set(), filters: {}, queue: [], deliver };
    this.clients.add(client);
    return client;
  }

  remove(client: LiveClient) {
    this.clients.delete(client);
  }

  get size() {
    return this.clients.size;
  }

  /** Applies a client command; returns the reply to send, if any. */
  command(client: LiveClient, cmd: ClientCommand): Record<string, unknown> | null {
    switch (cmd.action) {
      case "subscribe":
        for (const e of cmd.events ?? ["*"]) client.patterns.add(e);
        if (cmd.filters) client.filters = cmd.filters;
        return { type: "subscribed", events: [...client.patterns], filters: client.filters };
      case "unsubscribe":
        if (!cmd.events) client.patterns.clear();
        else for (const e of cmd.events) client.patterns.delete(e);
        return { type: "unsubscribed", events: [...client.patterns] };
      case "ping":
        return { type: "pong", timestamp: new Date().toISOString() };
    }
  }

  /** A batch from any process: queue each event for the clients that want it. */
  dispatch(events: LiveEvent[]) {
    for (const client of this.clients) {
      for (const e of events) {
        if (e.workspaceId !== client.workspaceId) continue;
        if (!matchesEventType([...client.patterns], e.event)) continue;
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
    this.clients.clear();
  }
}
