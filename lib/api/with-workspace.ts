// The one wrapper every /api/v1 route goes through: authenticate (API key or
// dashboard session), scope to one workspace, check the contract's scope, read and
// parse its body and query, map errors. The handler gets parsed input and answers
// with the contract's response (sent with its status) or, to set headers or
// cookies, with a Response of its own.
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { ApiError, errorResponse } from "./errors";
import { findApiKey, type Scope } from "./api-keys";
import { roleScopes } from "./scopes";
import { consumeApiRate, rateHeaders, type RateSubject, type RateVerdict } from "./api-rate-limit";
import { auth } from "../auth/auth";
import { config } from "../config";
import { activeMembership, workspaceCookie } from "../workspaces/active";
import { CLIENT_IP_HEADER } from "../auth/client-address";
import { isTrustedOrigin } from "../auth/origin";
import { checkUrlInput, readJson } from "./request-input";
import type { ApiContract, BodyOf, QueryOf } from "./contract";
import { requireSession } from "../workspaces/session-only";

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

/** A caller signed in to the dashboard: what a sessionOnly contract's handler gets. */
export type SessionContext = WorkspaceContext & { userId: string };

type RouteParams = { params: Promise<Record<string, string>> };

export interface HandlerInput<C extends ApiContract> {
  req: NextRequest;
  ctx: C extends { sessionOnly: true } ? SessionContext : WorkspaceContext;
  params: Record<string, string>;
  body: BodyOf<C>;
  query: QueryOf<C>;
}
/** The contract's response body (sent as JSON with its status), nothing for a 204, or a Response with its own headers. */
// biome-ignore lint/suspicious/noConfusingVoidType: a 204 handler returns nothing (void), which undefined would not allow.
type Answer<C> = (C extends { response: infer R extends z.ZodType } ? z.input<R> : void) | Response;

interface Options {
  /** Looks at the body as sent, before the contract's schema: a refusal that must win over a 422 (ingest's loop guard). */
  beforeParse?: (raw: unknown, req: NextRequest) => void;
}

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

export function withWorkspace<C extends ApiContract>(contract: C, handler: (input: HandlerInput<C>) => Promise<Answer<C>>, options: Options = {}) {
  const served = servedPath(contract.path);
  return async (req: NextRequest, route: RouteParams): Promise<Response> => {
    try {
      assertServes(contract, served, req);
      // Per IP first, so floods without valid credentials are limited too.
      await limit("ip", req.headers.get(CLIENT_IP_HEADER) ?? "unknown");
      const scope = contract.scope;
      if (!scope) throw new Error(`${contract.method} ${contract.path} is public: it cannot go through withWorkspace`);
      const { principal, ...ctx } = await resolve(req, scope);
      const verdict = await limit("principal", principal);
      const params = (await route?.params) ?? {};
      checkUrlInput(req, params);
      if (contract.sessionOnly) requireSession(ctx);
      const body = (await readBody(req, contract, options)) as BodyOf<C>;
      const query = (contract.query ? contract.query.parse(Object.fromEntries(req.nextUrl.searchParams)) : undefined) as QueryOf<C>;
      const answer = await handler({ req, ctx: ctx as HandlerInput<C>["ctx"], params, body, query });
      const res = answer instanceof Response ? answer : contract.status === 204 ? new Response(null, { status: 204 }) : json(answer, contract.status);
      if (verdict) for (const [k, v] of Object.entries(rateHeaders(verdict))) res.headers.set(k, v);
      return res;
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** A bare request: no Content-Type and no bytes. Only a contract with bodyOptional takes one (as `{}`). */
const isBare = (req: Request) => !req.headers.has("content-type") && Number(req.headers.get("content-length") ?? "0") === 0;

async function readBody(req: NextRequest, contract: ApiContract, options: Options): Promise<unknown> {
  if (!contract.body) return undefined;
  if (contract.bodyOptional && isBare(req)) return contract.body.parse({});
  const raw = await readJson(req, contract.maxBytes);
  options.beforeParse?.(raw, req);
  return contract.body.parse(raw);
}

/** The contract's path as a pattern of real paths ({id} is one segment). */
const servedPath = (path: string) => new RegExp(`^${path.replace(/[.]/g, "\\.").replace(/\{\w+\}/g, "[^/]+")}$`);

/** A route file that hands withWorkspace another operation's contract is a bug: a 500, never a silent mismatch with the document. */
function assertServes(contract: ApiContract, served: RegExp, req: NextRequest) {
  const method = req.method === "HEAD" ? "get" : req.method.toLowerCase();
  if (method !== contract.method || !served.test(req.nextUrl.pathname)) {
    throw new Error(`${req.method} ${req.nextUrl.pathname} is served with the contract of ${contract.method.toUpperCase()} ${contract.path}`);
  }
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

export const json = (body: unknown, status = 200) => NextResponse.json(body, { status });
