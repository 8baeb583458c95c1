// Who is connecting to the live feed: a short-lived live-feed token (seed 000's
// `/ws?token=…`, or Socket.IO's `auth.token`), or the dashboard session cookie.
import { auth } from "../auth/auth";
import { db } from "../db";
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
  const membership = await db.membership.findFirst({
    where: { userId: session.user.id },
    orderBy: { createdAt: "asc" },
    select: { workspaceId: true },
  });
  return membership ? { workspaceId: membership.workspaceId } : null;
}
