"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { sendTestWebhook } from "./api";
import { webhookKeys } from "./keys";

/** Sends a test synchronously; the attempt lands in the logs and stats, so those refetch. */
export function useSendTest(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body?: { event_type: string; data?: Record<string, unknown> }) => sendTestWebhook(id, body),
    meta: { errorTitle: "Could not send the test" },
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.detail(id) }),
  });
}
