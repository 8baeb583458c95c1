"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchInvitations, fetchMembers, inviteMember, leaveWorkspace, revokeInvitation, updateMember, type MemberView } from "./api";
import { memberKeys } from "./keys";

export const useMembers = () => useQuery({ queryKey: memberKeys.list(), queryFn: ({ signal }) => fetchMembers(signal) });

export const useInvitations = () => useQuery({ queryKey: memberKeys.invitations(), queryFn: ({ signal }) => fetchInvitations(signal) });

export function useInviteMember() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: inviteMember, meta: { inlineErrors: true, success: "Invitation sent" }, onSettled: () => qc.invalidateQueries({ queryKey: memberKeys.all }) });
}

export function useRevokeInvitation() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: revokeInvitation, meta: { errorTitle: "Could not revoke the invitation", success: "Invitation revoked" }, onSettled: () => qc.invalidateQueries({ queryKey: memberKeys.all }) });
}

/** After leaving, every cached screen belonged to the workspace just left: start over at "/". */
export function useLeaveWorkspace() {
  return useMutation({ mutationFn: leaveWorkspace, meta: { errorTitle: "Could not leave the workspace" }, onSuccess: () => window.location.assign("/") });
}

/** A role change shows at once and is rolled back if the server refuses (e.g. 409 last owner). */
export function useUpdateMember() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: updateMember,
    meta: { errorTitle: "Could not change the role", success: "Role changed" },
    onMutate: async ({ id, role }) => {
      await qc.cancelQueries({ queryKey: memberKeys.list() });
      const previous = qc.getQueryData<MemberView[]>(memberKeys.list());
      qc.setQueryData<MemberView[]>(memberKeys.list(), (rows) => rows?.map((m) => (m.id === id ? { ...m, role } : m)));
      return { previous };
    },
    onError: (_err, _vars, context) => qc.setQueryData(memberKeys.list(), context?.previous),
    onSettled: () => qc.invalidateQueries({ queryKey: memberKeys.all }),
  });
}
