"use client";
import type { MemberView } from "./api";
import { Select } from "@/components/ui/field";
import { useUpdateMember } from "./use-members";

const ROLES = ["owner", "admin", "viewer"] as const;

export function RoleSelect({ member }: { member: MemberView }) {
  const update = useUpdateMember();
  return (
    <span className="flex items-center gap-2">
      <Select
        aria-label={`Role of ${member.email}`}
        value={member.role}
        disabled={update.isPending}
        onChange={(e) => update.mutate({ id: member.id, role: e.target.value as MemberView["role"] })}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </Select>
    </span>
  );
}
