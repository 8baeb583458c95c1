"use client";
import { useQuery } from "@tanstack/react-query";
import { POLL_INTERVAL_MS } from "@/components/api/polling";
import { fetchWebhook } from "./api";
import { webhookKeys } from "./keys";

/** One webhook with its settings and health; polled so an auto-disable shows up. */
export function useWebhook(id: string) {
  return useQuery({
    queryKey: webhookKeys.detail(id),
    queryFn: ({ signal }) => fetchWebhook(id, signal),
    refetchInterval: POLL_INTERVAL_MS,
  });
}
