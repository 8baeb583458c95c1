"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";
import type { FeedMessage } from "./dashboard-state";

export const liveKeys = { all: ["live"] as const, snapshot: () => [...liveKeys.all, "snapshot"] as const };

/**
 * Recent scan, infringement and takedown events: where the live dashboard
 * starts, and how it learns what happened while its connection was down
 * (the page refetches after a reconnect; it never polls).
 */
export const useLiveSnapshot = () =>
  useQuery({
    queryKey: liveKeys.snapshot(),
    queryFn: ({ signal }) => fetchJson<{ data: FeedMessage[] }>("/api/v1/live/snapshot", { signal }).then((b) => b.data),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
