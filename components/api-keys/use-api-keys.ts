"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createApiKey, fetchApiKeys, revokeApiKey, type ApiKeyView } from "./api";
import { apiKeyKeys } from "./keys";

export const useApiKeys = () => useQuery({ queryKey: apiKeyKeys.list(), queryFn: ({ signal }) => fetchApiKeys(signal) });

export function useCreateApiKey() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createApiKey, meta: { inlineErrors: true }, onSettled: () => qc.invalidateQueries({ queryKey: apiKeyKeys.all }) });
}

/** Revoking shows at once (optimistic) and is rolled back if the server refuses. */
export function useRevokeApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: revokeApiKey,
    meta: { errorTitle: "Could not revoke the key", success: "API key revoked" },
    onMutate: async (id: string) => {
      await qc.cancelQueries({ queryKey: apiKeyKeys.list() });
      const previous = qc.getQueryData<ApiKeyView[]>(apiKeyKeys.list());
      qc.setQueryData<ApiKeyView[]>(apiKeyKeys.list(), (keys) => keys?.map((k) => (k.id === id ? { ...k, revoked_at: new Date().toISOString() } : k)));
      return { previous };
    },
    onError: (_err, _id, context) => qc.setQueryData(apiKeyKeys.list(), context?.previous),
    onSettled: () => qc.invalidateQueries({ queryKey: apiKeyKeys.all }),
  });
}
