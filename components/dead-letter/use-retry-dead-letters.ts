"use client";
// Retrying many deliveries goes in chunks, so the page can show progress and a
// large selection never becomes one enormous request.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { deliveryKeys } from "@/components/api/delivery-keys";
import { retryDeadLetters } from "./api";
import { deadLetterKeys } from "./keys";

const CHUNK = 50;

export function useRetryDeadLetters() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const mutation = useMutation({
    mutationFn: async (target: { ids: string[] } | "all") => {
      if (target === "all") {
        setProgress({ done: 0, total: 1 });
        const { retried } = await retryDeadLetters({ all: true });
        setProgress({ done: 1, total: 1 });
        return retried;
      }
      let retried = 0;
      setProgress({ done: 0, total: target.ids.length });
      for (let i = 0; i < target.ids.length; i += CHUNK) {
        retried += (await retryDeadLetters({ delivery_ids: target.ids.slice(i, i + CHUNK) })).retried;
        setProgress({ done: Math.min(i + CHUNK, target.ids.length), total: target.ids.length });
      }
      return retried;
    },
    meta: { errorTitle: "Retry failed", success: (n) => `${n} ${n === 1 ? "delivery" : "deliveries"} queued for retry` },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: deadLetterKeys.all });
      void queryClient.invalidateQueries({ queryKey: deliveryKeys.all });
    },
  });
  return { ...mutation, progress };
}
