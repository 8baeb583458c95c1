// Invitations: how someone joins a workspace. An owner or admin invites an email; the
// invitee gets a link (APP_URL/invitations/<token>) and accepts it signed in as that
// email, so nobody is added without consent. The answer to an invitation is the same
// whether or not the email has an account (no way to probe who uses HookRelay).
// Only the token's SHA-256 is stored; a row lives until accepted, revoked or replaced.
import { randomBytes } from "node:crypto";
import { db } from "../db";
import { newId } from "../ids";
import { config } from "../config";
import { ApiError, notFound } from "../api/errors";
import { sendMail } from "../notifications/mailer";
import { requireManager, requireOwnerFor } from "./members";
import { hashToken, normalizeEmail } from "./invitation-lookup";
import type { Role } from "./active";
import type { InvitationAccepted, InvitationView } from "./validation";

export const INVITATION_TTL_DAYS = 7;

const select = { id: true, email: true, role: true, createdAt: true, expiresAt: true, invitedBy: { select: { email: true } } } as const;
type Row = { id: string; email: string; role: Role; createdAt: Date; expiresAt: Date; invitedBy: { email: string } | null };

const view = (i: Row): InvitationView => ({
  id: i.id,
  email: i.email,
  role: i.role,
  invited_by: i.invitedBy?.email ?? null,
  created_at: i.createdAt.toISOString(),
  expires_at: i.expiresAt.toISOString(),
});

const invitationUrl = (token: string) => `${config().APP_URL.replace(/\/$/, "")}/invitations/${token}`;

export async function inviteMember(workspaceId: string, actor: { role?: Role; userId: string }, email: string, role: Role): Promise<InvitationView> {
  requireManager(actor.role);
  requireOwnerFor(actor.role, role);
  const address = normalizeEmail(email);
  // Members are listed to the inviter anyway, so saying so reveals nothing new.
  const member = await db.membership.findFirst({ where: { workspaceId, user: { email: address } }, select: { id: true } });
  if (member) throw new ApiError("conflict", "This email is already a member of the workspace");
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000);
  // Inviting again replaces the earlier link (and its role).
  const data = { role, tokenHash: hashToken(token), invitedById: actor.userId, createdAt: new Date(), expiresAt };
  const row = await db.invitation.upsert({
    where: { workspaceId_email: { workspaceId, email: address } },
    create: { id: newId("inv"), workspaceId, email: address, ...data },
    update: data,
    select: { ...select, workspace: { select: { name: true } } },
  });
  // The answer doesn't wait on, or tell about, the mail server: a failure is logged (mailer.ts).
  void sendMail({
    to: [address],
    subject: `You are invited to ${row.workspace.name} on HookRelay`,
    text: [
      `${row.invitedBy?.email ?? "A workspace owner"} invited you to join "${row.workspace.name}" on HookRelay as ${role}.`,
      "",
      `Accept the invitation (sign in or create an account with ${address}):`,
      invitationUrl(token),
      "",
      `The link expires on ${expiresAt.toUTCString()}. If you didn't expect this, ignore this email.`,
    ].join("\n"),
  });
  return view(row);
}

/** Pending invitations: expired ones are not listed (and can't be accepted). */
export async function listInvitations(workspaceId: string): Promise<InvitationView[]> {
  const rows = await db.invitation.findMany({ where: { workspaceId, expiresAt: { gt: new Date() } }, orderBy: { createdAt: "asc" }, select });
  return rows.map(view);
}

export async function revokeInvitation(workspaceId: string, actor: Role | undefined, id: string) {
  requireManager(actor);
  // workspaceId in the filter: another workspace's invitation is a plain 404.
  const row = await db.invitation.findFirst({ where: { id, workspaceId }, select: { role: true } });
  if (!row) throw notFound("Invitation");
  requireOwnerFor(actor, row.role);
  await db.invitation.deleteMany({ where: { id, workspaceId } });
}

const gone = () => new ApiError("not_found", "This invitation has expired, was revoked or was already used: ask for a new one");

/** The invitee, signed in as the invited email, joins with the invited role. */
export async function acceptInvitation(token: string, userId: string): Promise<InvitationAccepted> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true } });
  return db.$transaction(async (tx) => {
    const row = await tx.invitation.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, workspaceId: true, email: true, role: true, expiresAt: true } });
    if (!row || row.expiresAt <= new Date()) throw gone();
    if (row.email !== normalizeEmail(user.email)) {
      throw new ApiError("forbidden", `This invitation was sent to another email address (${row.email}): sign in as that address to accept it`);
    }
    // Two accepts of one link at once: the second finds nothing left to delete.
    const { count } = await tx.invitation.deleteMany({ where: { id: row.id } });
    if (count === 0) throw gone();
    // Already a member (added through another invitation meanwhile): keep the role they have.
    const membership = await tx.membership.upsert({
      where: { workspaceId_userId: { workspaceId: row.workspaceId, userId: user.id } },
      create: { id: newId("mem"), workspaceId: row.workspaceId, userId: user.id, role: row.role },
      update: {},
      select: { role: true, workspace: { select: { id: true, name: true } } },
    });
    return { workspace_id: membership.workspace.id, workspace_name: membership.workspace.name, role: membership.role };
  });
}
