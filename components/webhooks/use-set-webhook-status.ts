"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { setWebhookStatus } from "./api";
import { webhookKeys } from "./keys";

/** Enable / disable. The answer is the updated webhook, so the detail is set at once, then everything refetched. */
export function useSetWebhookStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: "enable" | "disable") => setWebhookStatus(id, action),
    meta: { errorTitle: "Could not change the status", success: (webhook) => `Webhook ${(webhook as { status: string }).status === "active" ? "enabled" : "disabled"}` },
    onSuccess: (webhook) => queryClient.setQueryData(webhookKeys.detail(id), webhook),
    // `all` covers this detail (and its stats and logs) and the dashboard's list.
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}
