// Which workspace a signed-in user is acting in. The choice lives in an httpOnly
// cookie, but the cookie is only a preference: every request re-checks it against
// Membership, so a forged or stale value can never reach another tenant's data.
import { config } from "../config";
import { db } from "../db";

export const WORKSPACE_COOKIE = "hr_ws";
export type Role = "owner" | "admin" | "viewer";

/** Reads hr_ws from a Cookie header (no cookie parser needed for one name). */
export function workspaceCookie(cookieHeader: string | null | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === WORKSPACE_COOKIE) return workspaceIdOrNothing(rest.join("="));
  }
  return undefined;
}

/**
 * Only a value shaped like a workspace id is looked up: anything else (bad %-escapes, NUL,
 * megabytes of junk) is ignored like a missing cookie rather than breaking every request.
 */
function workspaceIdOrNothing(raw: string): string | undefined {
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  return /^ws_[0-9a-z]{1,64}$/.test(value) ? value : undefined;
}

/** The membership for the chosen workspace, or the user's oldest one when the choice is missing or not theirs. */
export async function activeMembership(userId: string, wanted?: string) {
  const select = { workspaceId: true, role: true } as const;
  if (wanted) {
    const chosen = await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId: wanted, userId } }, select });
    if (chosen) return chosen;
  }
  return db.membership.findFirst({ where: { userId }, orderBy: { createdAt: "asc" }, select });
}

export const workspaceCookieOptions = {
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/",
  secure: config().APP_URL.startsWith("https://"),
  maxAge: 60 * 60 * 24 * 365,
};
