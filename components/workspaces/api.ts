// Plain fetch functions for /api/v1/workspaces.
import { fetchJson } from "@/components/api/fetch-json";

export type Role = "owner" | "admin" | "viewer";

export interface WorkspaceView {
  id: string;
  name: string;
  role: Role | null;
  active: boolean;
  created_at: string;
}

export const fetchWorkspaces = (signal?: AbortSignal) => fetchJson<{ data: WorkspaceView[] }>("/api/v1/workspaces", { signal }).then((b) => b.data);
export const createWorkspace = (name: string) => fetchJson<WorkspaceView>("/api/v1/workspaces", { method: "POST", json: { name } });
export const switchWorkspace = (workspaceId: string) => fetchJson<WorkspaceView>("/api/v1/workspaces/switch", { method: "POST", json: { workspace_id: workspaceId } });
