// Security headers on every answer of the web process (set by server.ts before Next.js
// handles the request, so pages, API routes, better-auth and the server's own refusals all
// carry them; a route that needs another frame policy, like the portal, sets its own).
import { config } from "../config";

/**
 * Next.js's production pages bootstrap with inline <script> tags and inject inline styles,
 * so script-src and style-src allow 'unsafe-inline' (nonces would force every page to render
 * per request). The dev server also needs eval for React Refresh.
 */
function contentSecurityPolicy(dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(path: string): Record<string, string> {
  const { NODE_ENV, APP_URL } = config();
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(NODE_ENV !== "production"),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
  };
  // Only where the site really is https: HSTS on http://localhost would pin it for the browser.
  if (NODE_ENV === "production" && APP_URL.startsWith("https://")) {
    headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  }
  // API answers can carry secrets (webhook secrets, new API keys): no cache may keep any of them.
  if (path.startsWith("/api/")) headers["Cache-Control"] = "no-store";
  return headers;
}
