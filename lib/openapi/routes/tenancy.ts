// Workspaces and members: dashboard-session routes (API keys get 403 from
// requireSession, except listing workspaces, which shows the key's own).
import { z } from "zod";
import { invitationAcceptSchema, memberAddSchema, memberUpdateSchema, workspaceCreateSchema, workspaceSwitchSchema } from "../../workspaces/validation";
import { list } from "../common";
import type { ApiRoute } from "../types";

const role = z.enum(["owner", "admin", "viewer"]);
// Mirror WorkspaceView (lib/workspaces/service.ts) and MemberView (lib/workspaces/members.ts).
const workspaceView = z.object({ id: z.string(), name: z.string(), role: role.nullable(), active: z.boolean(), created_at: z.string() });
const memberView = z.object({ id: z.string(), user_id: z.string(), email: z.string(), name: z.string(), role, created_at: z.string() });
// Mirrors InvitationView and acceptInvitation's answer (lib/workspaces/invitations.ts).
const invitationView = z.object({ id: z.string(), email: z.string(), role, invited_by: z.string().nullable(), created_at: z.string(), expires_at: z.string() });
const joinedView = z.object({ workspace_id: z.string(), workspace_name: z.string(), role });
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
    summary: "Invite someone by email (owner/admin; only owners invite owners)",
    description:
      sessionOnly +
      " Emails a link (APP_URL/invitations/<token>, valid 7 days); the invitee becomes a member by accepting it. The same 202 whether or not the email has an account; inviting again replaces the link. 409 when the email is already a member.",
    scope: "api_keys:write",
    body: memberAddSchema,
    response: z.object({ data: invitationView }),
    status: 202,
    errors: [400, 403, 409, 415, 422],
    approximate: true,
  },
  {
    method: "post",
    path: "/api/v1/members/leave",
    tag: "Members",
    summary: "Leave the active workspace (any role)",
    description: sessionOnly + " 409 for its last owner.",
    scope: "webhooks:read",
    status: 204,
    errors: [404, 409],
  },
  { method: "get", path: "/api/v1/invitations", tag: "Members", summary: "Pending invitations of the workspace", description: sessionOnly, scope: "api_keys:read", response: list(invitationView), status: 200, approximate: true },
  {
    method: "delete",
    path: "/api/v1/invitations/{id}",
    tag: "Members",
    summary: "Revoke an invitation (its link stops working)",
    description: sessionOnly,
    scope: "api_keys:write",
    status: 204,
    errors: [404],
  },
  {
    method: "post",
    path: "/api/v1/invitations/accept",
    tag: "Members",
    summary: "Accept an invitation as the invited email; its workspace becomes the active one",
    description: sessionOnly + " 403 when signed in as another email; 404 when expired, revoked or used.",
    scope: "webhooks:read",
    body: invitationAcceptSchema,
    response: joinedView,
    status: 200,
    errors: [400, 403, 404, 415, 422],
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
