"use client";
import { useQuery } from "@tanstack/react-query";
import { POLL_INTERVAL_MS } from "@/components/api/polling";
import { fetchWebhookLogs } from "./api";
import { webhookKeys } from "./keys";

/** The newest attempts to one webhook (first page of GET /webhooks/:id/logs). */
export function useWebhookLogs(id: string) {
  return useQuery({
    queryKey: webhookKeys.logs(id),
    queryFn: ({ signal }) => fetchWebhookLogs(id, signal),
    refetchInterval: POLL_INTERVAL_MS,
  });
}
