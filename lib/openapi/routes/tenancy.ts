// Workspaces and members: dashboard-session routes (API keys get 403 from
// requireSession, except listing workspaces, which shows the key's own).
import { z } from "zod";
import { memberAddSchema, memberUpdateSchema, workspaceCreateSchema, workspaceSwitchSchema } from "../../workspaces/validation";
import { list } from "../common";
import type { ApiRoute } from "../types";

const role = z.enum(["owner", "admin", "viewer"]);
// Mirror WorkspaceView (lib/workspaces/service.ts) and MemberView (lib/workspaces/members.ts).
const workspaceView = z.object({ id: z.string(), name: z.string(), role: role.nullable(), active: z.boolean(), created_at: z.string() });
const memberView = z.object({ id: z.string(), user_id: z.string(), email: z.string(), name: z.string(), role, created_at: z.string() });
const sessionOnly = "Needs a dashboard session (API keys: 403).";

export const tenancyRoutes: ApiRoute[] = [
  {
    method: "get",
    path: "/api/v1/workspaces",
    tag: "Workspaces",
    summary: "The signed-in user's workspaces (an API key sees its own)",
    scope: "api_keys:read",
    response: list(workspaceView),
    status: 200,
    approximate: true,
  },
  {
    method: "post",
    path: "/api/v1/workspaces",
    tag: "Workspaces",
    summary: "Create a workspace (becomes the active one)",
    description: sessionOnly,
    scope: "api_keys:read",
    body: workspaceCreateSchema,
    response: workspaceView,
    status: 201,
    errors: [400, 413, 415, 422],
    approximate: true,
  },
  {
    method: "post",
    path: "/api/v1/workspaces/switch",
    tag: "Workspaces",
    summary: "Switch the active workspace",
    description: sessionOnly + " 404 for a workspace the user is not a member of.",
    scope: "api_keys:read",
    body: workspaceSwitchSchema,
    response: workspaceView,
    status: 200,
    errors: [400, 404, 415, 422],
    approximate: true,
  },
  { method: "get", path: "/api/v1/members", tag: "Members", summary: "List the workspace's members", description: sessionOnly, scope: "api_keys:read", response: list(memberView), status: 200, approximate: true },
  {
    method: "post",
    path: "/api/v1/members",
    tag: "Members",
    summary: "Add a member by email (owner/admin)",
    description: sessionOnly,
    scope: "api_keys:write",
    body: memberAddSchema,
    response: memberView,
    status: 201,
    errors: [400, 404, 409, 415, 422],
    approximate: true,
  },
  {
    method: "patch",
    path: "/api/v1/members/{id}",
    tag: "Members",
    summary: "Change a member's role",
    description: sessionOnly + " 409 when the change would leave no owner.",
    scope: "api_keys:write",
    body: memberUpdateSchema,
    response: memberView,
    status: 200,
    errors: [400, 404, 409, 415, 422],
    approximate: true,
  },
  {
    method: "delete",
    path: "/api/v1/members/{id}",
    tag: "Members",
    summary: "Remove a member",
    description: sessionOnly + " 409 when it would leave no owner.",
    scope: "api_keys:write",
    status: 204,
    errors: [404, 409],
  },
];
