"use client";
// One Socket.IO connection to the live feed (same origin, the session cookie
// authenticates), subscribed to `patterns`; messages arrive in batches of at
// most 10 per second. Reconnects with backoff, reports its state, and calls
// `onReconnect` after a gap so the page can fetch what it missed.
import { useEffect, useRef, useState } from "react";
import { io } from "socket.io-client";
import type { FeedMessage } from "./dashboard-state";

export type FeedStatus = "connecting" | "live" | "reconnecting" | "offline";

export function useLiveFeed(patterns: string[], onMessages: (messages: FeedMessage[]) => void, onReconnect?: () => void): FeedStatus {
  const [status, setStatus] = useState<FeedStatus>("connecting");
  const handler = useRef(onMessages);
  handler.current = onMessages;
  const reconnected = useRef(onReconnect);
  reconnected.current = onReconnect;
  const key = patterns.join(",");

  useEffect(() => {
    const socket = io({
      transports: ["websocket"],
      reconnectionDelay: 500,
      reconnectionDelayMax: 10_000,
      randomizationFactor: 0.5,
      // A connection attempt that gets no answer is abandoned and retried after 5 s (default 20 s).
      timeout: 5_000,
    });
    const subscribe = () => socket.emit("message", { action: "subscribe", events: key.split(",") });
    let connectedBefore = false;
    socket.on("connect", () => {
      setStatus("live");
      subscribe();
      if (connectedBefore) reconnected.current?.();
      connectedBefore = true;
    });
    // A disconnect by the server (e.g. the session ended) is final: socket.active is false then.
    socket.on("disconnect", () => setStatus(socket.active ? "reconnecting" : "offline"));
    socket.on("connect_error", () => setStatus(socket.active ? "reconnecting" : "offline"));
    socket.on("events", (messages: FeedMessage[]) => handler.current(messages));
    return () => {
      socket.close();
    };
  }, [key]);

  return status;
}
