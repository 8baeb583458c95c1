"use client";
import { useQuery } from "@tanstack/react-query";
import { POLL_INTERVAL_MS } from "@/components/api/polling";
import { fetchWebhookStats } from "./api";
import { webhookKeys } from "./keys";

export function useWebhookStats(id: string) {
  return useQuery({
    queryKey: webhookKeys.stats(id),
    queryFn: ({ signal }) => fetchWebhookStats(id, signal),
    refetchInterval: POLL_INTERVAL_MS,
  });
}
