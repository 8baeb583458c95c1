import { z } from "zod";

const role = z.enum(["owner", "admin", "viewer"]);
export const workspaceCreateSchema = z.object({ name: z.string().trim().min(1).max(80) }).strict();
export const workspaceSwitchSchema = z.object({ workspace_id: z.string().min(1).max(64) }).strict();
export const memberAddSchema = z.object({ email: z.email().max(254), role: role.default("viewer") }).strict();
export const memberUpdateSchema = z.object({ role }).strict();
export const invitationAcceptSchema = z.object({ token: z.string().min(20).max(128) }).strict();
