// Plain fetch functions for /api/v1/workspaces.
import { fetchJson } from "@/components/api/fetch-json";

import type { MemberView, WorkspaceView } from "@/lib/workspaces/validation";

export type { WorkspaceView };
export type Role = MemberView["role"];

const jsonPost = (body: unknown): RequestInit => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

export const fetchWorkspaces = (signal?: AbortSignal) => fetchJson<{ data: WorkspaceView[] }>("/api/v1/workspaces", { signal }).then((b) => b.data);
export const createWorkspace = (name: string) => fetchJson<WorkspaceView>("/api/v1/workspaces", jsonPost({ name }));
export const switchWorkspace = (workspaceId: string) => fetchJson<WorkspaceView>("/api/v1/workspaces/switch", jsonPost({ workspace_id: workspaceId }));
