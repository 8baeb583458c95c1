"use client";
import { ScrollX } from "@/components/ui/table";
import { Card } from "@/components/ui/card";
import { ErrorState, LoadingState } from "@/components/ui/query-states";
import { useCanWrite } from "@/components/workspaces/use-workspaces";
import { InviteMemberForm } from "./invite-member-form";
import { PendingInvitations } from "./pending-invitations";
import { LeaveWorkspaceButton } from "./leave-workspace-button";
import { RoleSelect } from "./role-select";
import { useMembers } from "./use-members";

export function MembersPanel() {
  const { data, error, refetch } = useMembers();
  const canWrite = useCanWrite();

  return (
    <Card title="Members" description="People with access to this workspace. Viewers can look but not change anything.">
      {canWrite ? <InviteMemberForm /> : null}
      {error ? <ErrorState title="Could not load members" error={error} onRetry={() => void refetch()} /> : null}
      {!data && !error ? <LoadingState>Loading members…</LoadingState> : null}
      {data ? (
        <ScrollX label="Members"><table className="w-full text-sm">
          <thead className="text-left text-slate-500">
            <tr>
              <th className="px-4 py-2 font-medium">Email</th>
              <th className="px-4 py-2 font-medium">Name</th>
              <th className="px-4 py-2 font-medium">Role</th>
            </tr>
          </thead>
          <tbody>
            {data.map((m) => (
              <tr key={m.id} className="border-t border-slate-100" data-testid="member-row">
                <td className="px-4 py-2 text-slate-900">{m.email}</td>
                <td className="px-4 py-2 text-slate-600">{m.name}</td>
                <td className="px-4 py-2">{canWrite ? <RoleSelect member={m} /> : <span className="capitalize">{m.role}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table></ScrollX>
      ) : null}
      {canWrite ? <PendingInvitations /> : null}
      <LeaveWorkspaceButton />
    </Card>
  );
}
