"use client";
import type { MemberView } from "./api";
import { useUpdateMember } from "./use-members";

const ROLES = ["owner", "admin", "viewer"] as const;

export function RoleSelect({ member }: { member: MemberView }) {
  const update = useUpdateMember();
  return (
    <span className="flex items-center gap-2">
      <select
        aria-label={`Role of ${member.email}`}
        value={member.role}
        disabled={update.isPending}
        onChange={(e) => update.mutate({ id: member.id, role: e.target.value as MemberView["role"] })}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
    </span>
  );
}
