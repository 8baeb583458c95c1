// Who is connecting to the live feed: a short-lived live-feed token (the Content Protection Platform's
// `/ws?token=…`, or Socket.IO's `auth.token`), or the dashboard session cookie.
// A cookie is sent by the browser whichever page opens the connection, so cookie
// connections must come from our own origin; a token is never sent implicitly.
import { auth } from "../auth/auth";
import { isTrustedOrigin } from "../auth/origin";
import { activeMembership, workspaceCookie } from "../workspaces/active";
import { lapsed } from "./access";
import { verifyLiveToken } from "./token";

export interface LivePrincipal {
  workspaceId: string;
  /** A token's expiry (ms since the epoch): the connection closes then. */
  expiresAt?: number;
  /** The API key a token was issued to: connections close once it is revoked. */
  keyId?: string;
  /** The member behind a session or a token: connections close once they leave the workspace. */
  userId?: string;
  /** A cookie connection's Cookie header: its session is re-checked with it. */
  sessionCookie?: string;
}

export type LiveAuth = { principal: LivePrincipal } | { refused: 401 | 403; message: string };

const UNAUTHORIZED = { refused: 401, message: "unauthorized: sign in or pass a live-feed token" } as const;
const CROSS_ORIGIN = {
  refused: 403,
  message: "forbidden: a connection authenticated by the session cookie must come from the app's own origin (or pass a live-feed token)",
} as const;

export async function authenticateLive(headers: Headers, token?: string | null): Promise<LiveAuth> {
  if (token) {
    const principal = await fromToken(token);
    // A token outlives its key's revocation and its user's removal: check them now, as the re-check does later.
    return principal && (await lapsed([principal])).size === 0 ? { principal } : UNAUTHORIZED;
  }
  if (!isTrustedOrigin(headers)) return CROSS_ORIGIN;
  const principal = await fromSession(headers);
  return principal ? { principal } : UNAUTHORIZED;
}

async function fromToken(token: string): Promise<LivePrincipal | null> {
  const claims = await verifyLiveToken(token);
  if (!claims) return null;
  // Subjects as POST /api/v1/realtime/token writes them: "key:<id>" or "user:<id>".
  const [kind, id] = claims.subject.split(":", 2);
  return {
    workspaceId: claims.workspaceId,
    expiresAt: claims.expiresAt,
    keyId: kind === "key" ? id : undefined,
    userId: kind === "user" ? id : undefined,
  };
}

async function fromSession(headers: Headers): Promise<LivePrincipal | null> {
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  // The workspace the user switched to (hr_ws cookie), checked against their memberships.
  const membership = await activeMembership(session.user.id, workspaceCookie(headers.get("cookie")));
  if (!membership) return null;
  return { workspaceId: membership.workspaceId, userId: session.user.id, sessionCookie: headers.get("cookie") ?? "" };
}
