// Plain fetch functions for /api/v1/members.
import { fetchJson } from "@/components/api/fetch-json";
import type { Role } from "@/components/workspaces/api";

export interface MemberView {
  id: string;
  user_id: string;
  email: string;
  name: string;
  role: Role;
  created_at: string;
}

const send = (method: string, body: unknown): RequestInit => ({ method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

export const fetchMembers = (signal?: AbortSignal) => fetchJson<{ data: MemberView[] }>("/api/v1/members", { signal }).then((b) => b.data);
export const addMember = (body: { email: string; role: Role }) => fetchJson<MemberView>("/api/v1/members", send("POST", body));
export const updateMember = ({ id, role }: { id: string; role: Role }) => fetchJson<MemberView>(`/api/v1/members/${encodeURIComponent(id)}`, send("PATCH", { role }));
