// The invitee accepts, signed in as the invited email; the joined workspace becomes the active one.
import { NextResponse } from "next/server";
import { withWorkspace } from "@/lib/api/with-workspace";
import { tenancyContracts as api } from "@/lib/api/contracts/tenancy";
import { acceptInvitation } from "@/lib/workspaces/invitations";
import { WORKSPACE_COOKIE, workspaceCookieOptions } from "@/lib/workspaces/active";

export const POST = withWorkspace(api.acceptInvitation, async ({ ctx, body }) => {
  const joined = await acceptInvitation(body.token, ctx.userId);
  const res = NextResponse.json(joined, { status: api.acceptInvitation.status });
  res.cookies.set(WORKSPACE_COOKIE, joined.workspace_id, workspaceCookieOptions);
  return res;
});
