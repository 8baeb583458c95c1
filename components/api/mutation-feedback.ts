"use client";
// How mutations tell people what happened: a toast on failure (and, when the
// mutation asks, on success), raised once for every mutation from the
// QueryClient's MutationCache instead of by each screen.
import { MutationCache } from "@tanstack/react-query";
import { toast } from "sonner";

export interface MutationFeedback extends Record<string, unknown> {
  /** The toast's heading on failure, e.g. "Could not send the test". */
  errorTitle?: string;
  /** Forms that show the API's errors next to their fields set this and get no toast. */
  inlineErrors?: boolean;
  /** A toast on success; a function receives the mutation's result. */
  success?: string | ((data: unknown) => string);
}

declare module "@tanstack/react-query" {
  interface Register {
    mutationMeta: MutationFeedback;
  }
}

export function feedbackMutationCache(): MutationCache {
  return new MutationCache({
    onError: (error, _vars, _ctx, mutation) => {
      const meta = mutation.meta ?? {};
      if (meta.inlineErrors) return;
      toast.error(meta.errorTitle ?? "The request failed", { description: error.message });
    },
    onSuccess: (data, _vars, _ctx, mutation) => {
      const success = mutation.meta?.success;
      if (success) toast.success(typeof success === "function" ? success(data) : success);
    },
  });
}
