"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { addMember, fetchMembers, updateMember, type MemberView } from "./api";
import { memberKeys } from "./keys";

export const useMembers = () => useQuery({ queryKey: memberKeys.list(), queryFn: ({ signal }) => fetchMembers(signal) });

export function useAddMember() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: addMember, meta: { inlineErrors: true, success: "Member added" }, onSettled: () => qc.invalidateQueries({ queryKey: memberKeys.all }) });
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
