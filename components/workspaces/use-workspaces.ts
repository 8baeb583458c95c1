"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { createWorkspace, fetchWorkspaces, switchWorkspace } from "./api";
import { workspaceKeys } from "./keys";

export const useWorkspaces = () => useQuery({ queryKey: workspaceKeys.list(), queryFn: ({ signal }) => fetchWorkspaces(signal) });

/** The active workspace's role; viewers see no write controls (the API refuses them anyway). */
export function useCanWrite(): boolean {
  const { data } = useWorkspaces();
  const role = data?.find((w) => w.active)?.role;
  return role === "owner" || role === "admin";
}

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
  return useMutation({ mutationFn: switchWorkspace, onSuccess: after });
}

export function useCreateWorkspace() {
  const after = useAfterSwitch();
  return useMutation({ mutationFn: createWorkspace, onSuccess: after });
}
