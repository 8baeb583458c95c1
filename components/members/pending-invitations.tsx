"use client";
import { ScrollX } from "@/components/ui/table";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/query-states";
import { useInvitations, useRevokeInvitation } from "./use-members";

/** Invitations not yet accepted (expired ones drop off); owners and admins can revoke them. */
export function PendingInvitations() {
  const { data, error, refetch } = useInvitations();
  const revoke = useRevokeInvitation();
  if (error) return <ErrorState title="Could not load invitations" error={error} onRetry={() => void refetch()} />;
  if (!data?.length) return null;
  return (
    <section aria-label="Pending invitations" className="border-t border-slate-200">
      <h3 className="px-4 pt-3 text-sm font-medium text-slate-700">Pending invitations</h3>
      <ScrollX label="Pending invitations">
        <table className="w-full text-sm">
          <thead className="text-left text-slate-500">
            <tr>
              <th className="px-4 py-2 font-medium">Email</th>
              <th className="px-4 py-2 font-medium">Role</th>
              <th className="px-4 py-2 font-medium">Expires</th>
              <th className="px-4 py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((i) => (
              <tr key={i.id} className="border-t border-slate-100" data-testid="invitation-row">
                <td className="px-4 py-2 text-slate-900">{i.email}</td>
                <td className="px-4 py-2 capitalize">{i.role}</td>
                <td className="px-4 py-2 text-slate-600">{new Date(i.expires_at).toLocaleDateString()}</td>
                <td className="px-4 py-2 text-right">
                  <Button
                    size="sm"
                    disabled={revoke.isPending}
                    onClick={() => revoke.mutate(i.id)}
                    aria-label={`Revoke the invitation of ${i.email}`}
                  >
                    Revoke
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
    </section>
  );
}
