"use client";
// One Socket.IO connection to the live feed (same origin, the session cookie
// authenticates), subscribed to `patterns`; messages arrive in batches of at
// most 10 per second. Reconnects with backoff and reports its state.
import { useEffect, useRef, useState } from "react";
import { io } from "socket.io-client";
import type { FeedMessage } from "./dashboard-state";

export type FeedStatus = "connecting" | "live" | "reconnecting" | "offline";

export function useLiveFeed(patterns: string[], onMessages: (messages: FeedMessage[]) => void): FeedStatus {
  const [status, setStatus] = useState<FeedStatus>("connecting");
  const handler = useRef(onMessages);
  handler.current = onMessages;
  const key = patterns.join(",");

  useEffect(() => {
    const socket = io({
      transports: ["websocket"],
      reconnectionDelay: 500,
      reconnectionDelayMax: 10_000,
      randomizationFactor: 0.5,
    });
    const subscribe = () => socket.emit("message", { action: "subscribe", events: key.split(",") });
    socket.on("connect", () => {
      setStatus("live");
      subscribe();
    });
    socket.on("disconnect", () => setStatus("reconnecting"));
    socket.on("connect_error", () => setStatus(socket.active ? "reconnecting" : "offline"));
    socket.on("events", (messages: FeedMessage[]) => handler.current(messages));
    return () => {
      socket.close();
    };
  }, [key]);

  return status;
}
