// Session only; 404 for a workspace the user isn't a member of (unknown and foreign look alike).
import { NextResponse } from "next/server";
import { withWorkspace, readJson } from "@/lib/api/with-workspace";
import { requireMembership } from "@/lib/workspaces/service";
import { requireSession } from "@/lib/workspaces/session-only";
import { workspaceSwitchSchema } from "@/lib/workspaces/validation";
import { WORKSPACE_COOKIE, workspaceCookieOptions } from "@/lib/workspaces/active";

export const POST = withWorkspace(
  async (req, ctx) => {
    requireSession(ctx);
    const { workspace_id } = workspaceSwitchSchema.parse(await readJson(req, 4 * 1024));
    const m = await requireMembership(ctx.userId, workspace_id);
    const res = NextResponse.json({ id: m.workspace.id, name: m.workspace.name, role: m.role, active: true, created_at: m.workspace.createdAt.toISOString() });
    res.cookies.set(WORKSPACE_COOKIE, m.workspace.id, workspaceCookieOptions);
    return res;
  },
  { scope: "api_keys:read" },
);
