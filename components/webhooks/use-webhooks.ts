"use client";
import { useQuery } from "@tanstack/react-query";
import { POLL_INTERVAL_MS } from "@/components/api/polling";
import { fetchWebhooks } from "./api";
import { webhookKeys } from "./keys";

/** The workspace's webhooks with their delivery stats, kept fresh by polling. */
export function useWebhooks() {
  return useQuery({
    queryKey: webhookKeys.list(),
    queryFn: ({ signal }) => fetchWebhooks(signal),
    refetchInterval: POLL_INTERVAL_MS,
  });
}
