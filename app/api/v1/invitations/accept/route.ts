// The invitee accepts, signed in as the invited email; the joined workspace becomes the
// active one. A read scope on whichever workspace is active: accepting changes nothing
// there, and every account has one (sign-up creates it).
import { NextResponse } from "next/server";
import { withWorkspace, readJson } from "@/lib/api/with-workspace";
import { acceptInvitation } from "@/lib/workspaces/invitations";
import { requireSession } from "@/lib/workspaces/session-only";
import { invitationAcceptSchema } from "@/lib/workspaces/validation";
import { WORKSPACE_COOKIE, workspaceCookieOptions } from "@/lib/workspaces/active";

export const POST = withWorkspace(
  async (req, ctx) => {
    requireSession(ctx);
    const { token } = invitationAcceptSchema.parse(await readJson(req, 4 * 1024));
    const joined = await acceptInvitation(token, ctx.userId);
    const res = NextResponse.json(joined);
    res.cookies.set(WORKSPACE_COOKIE, joined.workspace_id, workspaceCookieOptions);
    return res;
  },
  { scope: "webhooks:read" },
);
