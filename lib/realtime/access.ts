// Open live connections keep only the access their credentials still give: every
// LIVE_RECHECK_SEC the web process re-checks all of its connections at once (one
// query for API keys, one for memberships, one session lookup per distinct cookie)
// and closes those whose key was revoked, whose member left the workspace or whose
// session ended. A periodic check, rather than a signal from the code that revokes,
// also catches what no code path announces (a session expiring, a row deleted by hand).
import { auth } from "../auth/auth";
import { db } from "../db";
import { logger } from "../logger";
import type { LivePrincipal } from "./authenticate";
import type { LiveHub } from "./hub";

const log = logger.child({ proc: "web", part: "live" });

/** The principals among `principals` whose credentials no longer give access. */
export async function lapsed(principals: LivePrincipal[], now = Date.now()): Promise<Set<LivePrincipal>> {
  const keyIds = [...new Set(principals.flatMap((p) => (p.keyId ? [p.keyId] : [])))];
  const userIds = [...new Set(principals.flatMap((p) => (p.userId ? [p.userId] : [])))];
  const cookies = [...new Set(principals.flatMap((p) => (p.sessionCookie !== undefined ? [p.sessionCookie] : [])))];
  const [keys, memberships, sessionUsers] = await Promise.all([
    keyIds.length ? db.apiKey.findMany({ where: { id: { in: keyIds }, revokedAt: null }, select: { id: true, workspaceId: true } }) : [],
    userIds.length ? db.membership.findMany({ where: { userId: { in: userIds } }, select: { userId: true, workspaceId: true } }) : [],
    Promise.all(cookies.map(async (cookie) => [cookie, (await auth.api.getSession({ headers: new Headers({ cookie }) }))?.user.id] as const)),
  ]);
  const liveKeys = new Set(keys.map((k) => `${k.workspaceId}/${k.id}`));
  const members = new Set(memberships.map((m) => `${m.workspaceId}/${m.userId}`));
  const userOfCookie = new Map(sessionUsers);
  return new Set(
    principals.filter(
      (p) =>
        (p.expiresAt !== undefined && p.expiresAt <= now) ||
        (p.keyId !== undefined && !liveKeys.has(`${p.workspaceId}/${p.keyId}`)) ||
        (p.userId !== undefined && !members.has(`${p.workspaceId}/${p.userId}`)) ||
        (p.sessionCookie !== undefined && userOfCookie.get(p.sessionCookie) !== p.userId),
    ),
  );
}

/** Re-checks the hub's connections every `everyMs`; returns the function that stops it. */
export function watchAccess(hub: LiveHub, everyMs: number): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running || hub.size === 0) return; // a slow round is not stacked on
    running = true;
    try {
      const clients = hub.list();
      const gone = await lapsed(clients.map((c) => c.principal));
      for (const c of clients) if (gone.has(c.principal)) c.close("unauthorized", "access revoked: the key, membership or session behind this connection has ended");
    } catch (err) {
      // A database blip must not cut every connection: keep them and try again next round.
      log.warn({ err }, "live-feed access re-check failed");
    } finally {
      running = false;
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
