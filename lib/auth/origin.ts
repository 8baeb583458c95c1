// Is a cookie-authenticated request one of our own pages'? A browser attaches the
// session cookie to requests and WebSocket upgrades started by any page, a page on
// another port of the same host included (cookies and SameSite ignore ports), but it
// always says where the request comes from: `Origin` (sent with every WebSocket
// upgrade and cross-origin request), or `Sec-Fetch-Site` in current browsers.
// Clients that send neither are not browsers: they hold the cookie themselves, so no
// other site is acting through them.
import { config } from "../config";

/** The origins our pages are served from: APP_URL's, and in development the local addresses. */
function ownOrigins(): Set<string> {
  const { APP_URL, NODE_ENV } = config();
  const app = new URL(APP_URL);
  const origins = new Set([app.origin]);
  if (NODE_ENV === "development") {
    const port = process.env.PORT ?? app.port;
    for (const host of ["localhost", "127.0.0.1", "[::1]"]) origins.add(`http://${host}${port ? `:${port}` : ""}`);
  }
  return origins;
}

export function isTrustedOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  // "null" (sandboxed frames, file: pages) is never ours.
  if (origin !== null) return ownOrigins().has(origin);
  const site = headers.get("sec-fetch-site");
  return site === null || site === "same-origin" || site === "none";
}
