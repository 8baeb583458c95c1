// Plain fetch functions for /api/v1/workspaces.
import { fetchJson } from "@/components/api/fetch-json";

import type { MemberView, WorkspaceView } from "@/lib/workspaces/validation";

export type { WorkspaceView };
export type Role = MemberView["role"];

export const fetchWorkspaces = (signal?: AbortSignal) => fetchJson<{ data: WorkspaceView[] }>("/api/v1/workspaces", { signal }).then((b) => b.data);
export const createWorkspace = (name: string) => fetchJson<WorkspaceView>("/api/v1/workspaces", { method: "POST", json: { name } });
export const switchWorkspace = (workspaceId: string) => fetchJson<WorkspaceView>("/api/v1/workspaces/switch", { method: "POST", json: { workspace_id: workspaceId } });
