// The one wrapper every /api/v1 route goes through: authenticate (API key or
// dashboard session), scope to one workspace, check the scope, map errors.
import { NextResponse, type NextRequest } from "next/server";
import { ApiError, errorResponse } from "./errors";
import { findApiKey, type Scope } from "./api-keys";
import { roleScopes } from "./scopes";
import { consumeApiRate, rateHeaders, type RateSubject, type RateVerdict } from "./api-rate-limit";
import { auth } from "../auth/auth";
import { config } from "../config";
import { activeMembership, workspaceCookie } from "../workspaces/active";
import { CLIENT_IP_HEADER } from "../auth/client-address";
import { isTrustedOrigin } from "../auth/origin";
import { checkUrlInput } from "./request-input";

export { CLIENT_IP_HEADER };

export interface WorkspaceContext {
  workspaceId: string;
  via: "api_key" | "session";
  /** Set when the caller authenticated with an API key. */
  keyId?: string;
  userId?: string;
  role?: "owner" | "admin" | "viewer";
  /** What the caller may do: the key's scopes, or the signed-in user's role's. */
  scopes: readonly Scope[];
}

type RouteParams = { params: Promise<Record<string, string>> };
type Handler = (req: NextRequest, ctx: WorkspaceContext, params: Record<string, string>) => Promise<Response>;

async function resolve(req: NextRequest, scope: Scope): Promise<WorkspaceContext & { principal: string }> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new ApiError("unauthorized", 'Authorization header must be "Bearer <api key>"');
    const principal = await findApiKey(match[1]);
    if (!principal) throw new ApiError("unauthorized", "Invalid or revoked API key");
    if (!principal.scopes.includes(scope)) {
      throw new ApiError("forbidden", `This API key lacks the "${scope}" scope`);
    }
    return { workspaceId: principal.workspaceId, via: "api_key", keyId: principal.keyId, scopes: principal.scopes as Scope[], principal: `key:${principal.keyId}` };
  }
  const session = await auth.api.getSession({ headers: req.headers });
  if (!session) throw new ApiError("unauthorized", "Missing credentials: send Authorization: Bearer <api key>");
  // The browser attaches the cookie to requests from any page (CSRF): a change must come from the app's own.
  if (req.method !== "GET" && req.method !== "HEAD" && !isTrustedOrigin(req.headers)) {
    throw new ApiError("forbidden", `Cross-origin request refused: changes with a session cookie must come from ${new URL(config().APP_URL).origin} (Origin: ${req.headers.get("origin") ?? "absent"}, Sec-Fetch-Site: ${req.headers.get("sec-fetch-site") ?? "absent"})`);
  }
  // The active workspace comes from the hr_ws cookie, re-checked against Membership on every request
  // (lib/workspaces/active.ts); without a valid choice, the user's oldest membership.
  const membership = await activeMembership(session.user.id, workspaceCookie(req.headers.get("cookie")));
  if (!membership) throw new ApiError("forbidden", "You are not a member of any workspace");
  if (membership.role === "viewer" && scope.endsWith(":write")) {
    throw new ApiError("forbidden", "Viewers cannot change anything in this workspace");
  }
  return { workspaceId: membership.workspaceId, via: "session", userId: session.user.id, role: membership.role, scopes: roleScopes(membership.role), principal: `user:${session.user.id}` };
}

export function withWorkspace(handler: Handler, options: { scope: Scope }) {
  return async (req: NextRequest, route: RouteParams): Promise<Response> => {
    try {
      // Per IP first, so floods without valid credentials are limited too.
      await limit("ip", req.headers.get(CLIENT_IP_HEADER) ?? "unknown");
      const { principal, ...ctx } = await resolve(req, options.scope);
      const verdict = await limit("principal", principal);
      const params = (await route?.params) ?? {};
      checkUrlInput(req, params);
      const res = await handler(req, ctx, params);
      if (verdict) for (const [k, v] of Object.entries(rateHeaders(verdict))) res.headers.set(k, v);
      return res;
    } catch (error) {
      return errorResponse(error);
    }
  };
}

async function limit(kind: RateSubject, id: string): Promise<RateVerdict | null> {
  const verdict = await consumeApiRate(kind, id);
  if (verdict && !verdict.allowed) {
    const who = kind === "ip" ? "this IP address" : "this API key";
    throw new ApiError("rate_limited", `Too many requests from ${who}: ${verdict.limit} per minute; retry in ${verdict.resetSec} s`, undefined, {
      ...rateHeaders(verdict),
      "Retry-After": String(verdict.resetSec),
    });
  }
  return verdict;
}

// Body, query, path and header checks live in request-input.ts; routes keep importing readJson from here.
export { readJson } from "./request-input";

export const json = (body: unknown, status = 200) => NextResponse.json(body, { status });
