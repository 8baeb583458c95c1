// Who is connecting to the live feed: a short-lived live-feed token (seed 000's
// `/ws?token=…`, or Socket.IO's `auth.token`), or the dashboard session cookie.
import { auth } from "../auth/auth";
import { activeMembership, workspaceCookie } from "../workspaces/active";
import { verifyLiveToken } from "./token";

export interface LivePrincipal {
  workspaceId: string;
}

export async function authenticateLive(headers: Headers, token?: string | null): Promise<LivePrincipal | null> {
  if (token) {
    const claims = await verifyLiveToken(token);
    return claims ? { workspaceId: claims.workspaceId } : null;
  }
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  // The workspace the user switched to (hr_ws cookie), checked against their memberships.
  const membership = await activeMembership(session.user.id, workspaceCookie(headers.get("cookie")));
  return membership ? { workspaceId: membership.workspaceId } : null;
}
