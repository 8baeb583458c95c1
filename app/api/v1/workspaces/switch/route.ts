// Session only; 404 for a workspace the user isn't a member of (unknown and foreign look alike).
import { NextResponse } from "next/server";
import { withWorkspace } from "@/lib/api/with-workspace";
import { tenancyContracts as api } from "@/lib/api/contracts/tenancy";
import { requireMembership } from "@/lib/workspaces/service";
import { WORKSPACE_COOKIE, workspaceCookieOptions } from "@/lib/workspaces/active";
import type { WorkspaceView } from "@/lib/workspaces/validation";

export const POST = withWorkspace(api.switchWorkspace, async ({ ctx, body }) => {
  const m = await requireMembership(ctx.userId, body.workspace_id);
  const view: WorkspaceView = { id: m.workspace.id, name: m.workspace.name, role: m.role, active: true, created_at: m.workspace.createdAt.toISOString() };
  const res = NextResponse.json(view);
  res.cookies.set(WORKSPACE_COOKIE, m.workspace.id, workspaceCookieOptions);
  return res;
});
