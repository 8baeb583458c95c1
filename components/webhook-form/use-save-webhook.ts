"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Webhook } from "@/lib/validation/webhook";
import { fetchJson } from "@/components/api/fetch-json";
import { webhookKeys } from "@/components/webhooks/keys";

/** Creates (no id) or updates (PATCH) a webhook; refreshes the lists and the detail. */
export function useSaveWebhook(id?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      fetchJson<Webhook>(id ? `/api/v1/webhooks/${encodeURIComponent(id)}` : "/api/v1/webhooks", {
        method: id ? "PATCH" : "POST",
        json: body,
      }),
    // 422 details are shown next to the fields they name; the toast would repeat them.
    meta: { inlineErrors: true, success: id ? "Webhook saved" : "Webhook created" },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}
