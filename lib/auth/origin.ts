// Which browser origins may act with a user's session cookie: the one decision behind
// better-auth's CSRF check (sign-in, sign-up), cookie-authenticated /api/v1 writes
// (lib/api/with-workspace.ts) and live-feed upgrades. The cookie rides along on requests
// from any page, even one on another port of the same host, so these requests have to
// prove they come from the app itself.
import { isIP } from "node:net";
import { config } from "../config";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

const header = (h: HeaderSource, name: string): string | undefined => {
  const v = h instanceof Headers ? h.get(name) : h[name];
  return (Array.isArray(v) ? v[0] : v) ?? undefined;
};

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

/**
 * APP_URL's origin; when APP_URL is a loopback address, the other loopback names for the
 * same port too (http://127.0.0.1:3000 is the same server as http://localhost:3000, and
 * nothing but this machine can open either).
 */
export function appOrigins(appUrl = config().APP_URL): string[] {
  const url = new URL(appUrl);
  if (!LOOPBACK_NAMES.includes(url.hostname)) return [url.origin];
  return [url.origin, ...LOOPBACK_NAMES.filter((n) => n !== url.hostname).map((n) => `${url.protocol}//${n}${url.port ? `:${url.port}` : ""}`)];
}

/**
 * The origins to trust for this request. In development the address the server was
 * reached at (its Host header) counts too, so opening the app by a LAN address works;
 * in production only APP_URL (and its loopback aliases) does.
 */
export function trustedOrigins(headers?: HeaderSource, env = config().NODE_ENV): string[] {
  const list = appOrigins();
  const host = headers && header(headers, "host");
  if (env === "development" && host && isHostName(host)) list.push(`http://${host}`, `https://${host}`);
  return list;
}

const isHostName = (host: string) => /^[a-z0-9.-]+(:\d+)?$/i.test(host) || isIP(host.replace(/^\[|\](:\d+)?$/g, "")) !== 0;

/**
 * True when a cookie-carrying request or upgrade comes from the app's own pages.
 * - Origin present: it must be a trusted origin ("null", sent by sandboxed frames and
 *   some redirects, is not).
 * - No Origin: Sec-Fetch-Site decides ("same-origin" or "none", a typed URL, pass;
 *   "same-site" — another port of the same host — and "cross-site" don't).
 * - Neither header: not a browser (curl, scripts). Browsers send Origin on every
 *   cross-origin POST, PUT, PATCH, DELETE and WebSocket handshake, so allowing this is
 *   what keeps non-browser clients working without opening a CSRF hole.
 */
export function isTrustedOrigin(headers: HeaderSource, env = config().NODE_ENV): boolean {
  const origin = header(headers, "origin");
  if (origin !== undefined) return trustedOrigins(headers, env).includes(origin.toLowerCase());
  const site = header(headers, "sec-fetch-site");
  if (site !== undefined) return site === "same-origin" || site === "none";
  return true;
}
