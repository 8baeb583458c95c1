// Listing shows a session its user's workspaces and a key its own; creating is session-only
// (its contract), and the new workspace becomes the active one, as the dashboard expects after "Create".
import { NextResponse } from "next/server";
import { withWorkspace } from "@/lib/api/with-workspace";
import { tenancyContracts as api } from "@/lib/api/contracts/tenancy";
import { apiKeyWorkspace, createOwnedWorkspace, listUserWorkspaces } from "@/lib/workspaces/service";
import { WORKSPACE_COOKIE, workspaceCookieOptions } from "@/lib/workspaces/active";
import type { WorkspaceView } from "@/lib/workspaces/validation";

export const GET = withWorkspace(api.listWorkspaces, async ({ ctx }) => ({
  data: ctx.via === "session" && ctx.userId ? await listUserWorkspaces(ctx.userId, ctx.workspaceId) : await apiKeyWorkspace(ctx.workspaceId),
}));

export const POST = withWorkspace(api.createWorkspace, async ({ ctx, body }) => {
  const ws = await createOwnedWorkspace(body.name, ctx.userId);
  const view: WorkspaceView = { id: ws.id, name: ws.name, role: "owner", active: true, created_at: ws.createdAt.toISOString() };
  const res = NextResponse.json(view, { status: api.createWorkspace.status });
  res.cookies.set(WORKSPACE_COOKIE, ws.id, workspaceCookieOptions);
  return res;
});
