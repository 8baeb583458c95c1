"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { POLL_INTERVAL_MS } from "@/components/api/polling";
import { fetchWebhookStats } from "./api";
import { webhookKeys } from "./keys";

export function useWebhookStats(id: string, windowHours: number) {
  return useQuery({
    queryKey: webhookKeys.stats(id, windowHours),
    queryFn: ({ signal }) => fetchWebhookStats(id, windowHours, signal),
    refetchInterval: POLL_INTERVAL_MS,
    // Switching the window keeps the old charts on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}
