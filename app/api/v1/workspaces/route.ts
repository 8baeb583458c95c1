// Scopes: listing needs any read scope a key might hold ("api_keys:read"), and creating
// one is not a change inside the current workspace, so it uses a read scope too (a viewer
// of one workspace may still start their own); creation is session-only (lib/workspaces/session-only.ts).
import { NextResponse } from "next/server";
import { withWorkspace, readJson, json } from "@/lib/api/with-workspace";
import { apiKeyWorkspace, createOwnedWorkspace, listUserWorkspaces } from "@/lib/workspaces/service";
import { requireSession } from "@/lib/workspaces/session-only";
import { workspaceCreateSchema } from "@/lib/workspaces/validation";
import { WORKSPACE_COOKIE, workspaceCookieOptions } from "@/lib/workspaces/active";

export const GET = withWorkspace(
  async (_req, ctx) =>
    json({ data: ctx.via === "session" && ctx.userId ? await listUserWorkspaces(ctx.userId, ctx.workspaceId) : await apiKeyWorkspace(ctx.workspaceId) }),
  { scope: "api_keys:read" },
);

// The new workspace becomes the active one, as the dashboard expects after "Create".
export const POST = withWorkspace(
  async (req, ctx) => {
    requireSession(ctx);
    const { name } = workspaceCreateSchema.parse(await readJson(req, 4 * 1024));
    const ws = await createOwnedWorkspace(name, ctx.userId!);
    const res = NextResponse.json({ id: ws.id, name: ws.name, role: "owner", active: true, created_at: ws.createdAt.toISOString() }, { status: 201 });
    res.cookies.set(WORKSPACE_COOKIE, ws.id, workspaceCookieOptions);
    return res;
  },
  { scope: "api_keys:read" },
);
