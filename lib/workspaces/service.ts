// Workspaces and the signed-in user's view of them. Sign-up creates the first
// one (lib/auth/auth.ts); more are created from the dashboard or the API.
import { db } from "../db";
import { notFound } from "../api/errors";
import { withinQuota } from "../quotas";
import { createWorkspace } from "./create";
import type { WorkspaceView } from "./validation";

export { createWorkspace };

/** A workspace a signed-in user creates; the ones they own (sign-up's included) count against MAX_WORKSPACES_PER_USER. */
export function createOwnedWorkspace(name: string, userId: string) {
  return withinQuota(
    "MAX_WORKSPACES_PER_USER",
    userId,
    (tx) => tx.membership.count({ where: { userId, role: "owner" } }),
    (tx) => createWorkspace(name, userId, tx),
  );
}

/** Every workspace the user belongs to, oldest first (the switcher's order). */
export async function listUserWorkspaces(userId: string, activeId: string): Promise<WorkspaceView[]> {
  const rows = await db.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { role: true, workspace: { select: { id: true, name: true, createdAt: true } } },
  });
  return rows.map((m) => ({
    id: m.workspace.id,
    name: m.workspace.name,
    role: m.role,
    active: m.workspace.id === activeId,
    created_at: m.workspace.createdAt.toISOString(),
  }));
}

/** An API key sees only the workspace it belongs to; it has no role there. */
export async function apiKeyWorkspace(workspaceId: string): Promise<WorkspaceView[]> {
  const ws = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { id: true, name: true, createdAt: true } });
  return [{ id: ws.id, name: ws.name, role: null, active: true, created_at: ws.createdAt.toISOString() }];
}

/** Checks membership before a switch: someone else's workspace id is indistinguishable from an unknown one. */
export async function requireMembership(userId: string, workspaceId: string) {
  const m = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { role: true, workspace: { select: { id: true, name: true, createdAt: true } } },
  });
  if (!m) throw notFound("Workspace");
  return m;
}
