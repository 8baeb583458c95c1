"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { createWorkspace, fetchWorkspaces, switchWorkspace } from "./api";
import { workspaceKeys } from "./keys";

export const useWorkspaces = () => useQuery({ queryKey: workspaceKeys.list(), queryFn: ({ signal }) => fetchWorkspaces(signal) });

/** The active workspace's role decides write access; `pending` while it is still loading, so pages can wait instead of flashing a read-only notice. */
export function useWriteAccess(): { pending: boolean; canWrite: boolean } {
  const { data, isPending } = useWorkspaces();
  const role = data?.find((w) => w.active)?.role;
  return { pending: isPending, canWrite: role === "owner" || role === "admin" };
}

/** Viewers see no write controls (the API refuses them anyway). */
export const useCanWrite = (): boolean => useWriteAccess().canWrite;

/** After a switch (or a create, which switches) every cached list belongs to the old workspace: reset and refetch them all. */
function useAfterSwitch() {
  const qc = useQueryClient();
  const router = useRouter();
  return () => {
    void qc.resetQueries();
    router.refresh();
  };
}

export function useSwitchWorkspace() {
  const after = useAfterSwitch();
  return useMutation({ mutationFn: switchWorkspace, meta: { errorTitle: "Could not switch workspace" }, onSuccess: after });
}

export function useCreateWorkspace() {
  const after = useAfterSwitch();
  return useMutation({ mutationFn: createWorkspace, meta: { inlineErrors: true }, onSuccess: after });
}
