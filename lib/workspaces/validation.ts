// Input and answers of the workspace, member and invitation routes.
import { z } from "zod";

const role = z.enum(["owner", "admin", "viewer"]);
export const workspaceCreateSchema = z.object({ name: z.string().trim().min(1).max(80) }).strict();
export const workspaceSwitchSchema = z.object({ workspace_id: z.string().min(1).max(64) }).strict();
export const memberAddSchema = z.object({ email: z.email().max(254), role: role.default("viewer") }).strict();
export const memberUpdateSchema = z.object({ role }).strict();
export const invitationAcceptSchema = z.object({ token: z.string().min(20).max(128) }).strict();

export const workspaceViewSchema = z.object({ id: z.string(), name: z.string(), role: role.nullable(), active: z.boolean(), created_at: z.string() });
export type WorkspaceView = z.output<typeof workspaceViewSchema>;

export const memberViewSchema = z.object({ id: z.string(), user_id: z.string(), email: z.string(), name: z.string(), role, created_at: z.string() });
export type MemberView = z.output<typeof memberViewSchema>;

export const invitationViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  role,
  invited_by: z.string().nullable(),
  created_at: z.string(),
  expires_at: z.string(),
});
export type InvitationView = z.output<typeof invitationViewSchema>;

/** Accepting an invitation: the workspace joined (now the active one). */
export const invitationAcceptedSchema = z.object({ workspace_id: z.string(), workspace_name: z.string(), role });
export type InvitationAccepted = z.output<typeof invitationAcceptedSchema>;
