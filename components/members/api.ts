// Plain fetch functions for /api/v1/members and /api/v1/invitations.
import { fetchJson } from "@/components/api/fetch-json";
import type { Role } from "@/components/workspaces/api";
// The answers' types come from the schemas the API answers in (type-only: nothing server-side is bundled).
import type { InvitationAccepted, InvitationView, MemberView } from "@/lib/workspaces/validation";

export type { InvitationView, MemberView };

export const fetchMembers = (signal?: AbortSignal) => fetchJson<{ data: MemberView[] }>("/api/v1/members", { signal }).then((b) => b.data);
export const inviteMember = (body: { email: string; role: Role }) => fetchJson<{ data: InvitationView }>("/api/v1/members", { method: "POST", json: body });
export const leaveWorkspace = () => fetchJson<void>("/api/v1/members/leave", { method: "POST" });
export const fetchInvitations = (signal?: AbortSignal) => fetchJson<{ data: InvitationView[] }>("/api/v1/invitations", { signal }).then((b) => b.data);
export const revokeInvitation = (id: string) => fetchJson<void>(`/api/v1/invitations/${encodeURIComponent(id)}`, { method: "DELETE" });
export const acceptInvitation = (token: string) =>
  fetchJson<InvitationAccepted>("/api/v1/invitations/accept", { method: "POST", json: { token } });
export const updateMember = ({ id, role }: { id: string; role: Role }) => fetchJson<MemberView>(`/api/v1/members/${encodeURIComponent(id)}`, { method: "PATCH", json: { role } });
