"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { feedbackMutationCache } from "@/components/api/mutation-feedback";
import { AppToaster } from "@/components/ui/toaster";

// The one QueryClient for the browser session. Created in state, not at module
// level, so a server render never shares a cache between two users' requests.
function makeQueryClient() {
  return new QueryClient({
    mutationCache: feedbackMutationCache(),
    defaultOptions: {
      queries: {
        // Lists poll on their own interval; a short staleTime only avoids a
        // refetch storm when several components mount the same query.
        staleTime: 2_000,
        retry: 1,
      },
    },
  });
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      {children}
      <AppToaster />
    </QueryClientProvider>
  );
}
