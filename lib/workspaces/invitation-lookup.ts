// Reading an invitation by its token, for the invitation page and for sign-up under
// SIGNUP=invite (lib/auth/auth.ts). Apart from ./invitations.ts because the auth module
// is loaded by server.ts before Next.js starts, and must not pull in next/server
// (lib/api/errors.ts) with it.
import { createHash } from "node:crypto";
import { db } from "../db";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** What the invitation page shows; null when the token is unknown or expired. */
export async function findInvitation(token: string) {
  const row = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { email: true, role: true, expiresAt: true, workspace: { select: { name: true } } },
  });
  if (!row || row.expiresAt <= new Date()) return null;
  return { email: row.email, role: row.role, workspaceName: row.workspace.name, expiresAt: row.expiresAt };
}

/** True when `token` is a pending invitation for `email` (SIGNUP=invite lets exactly those sign up). */
export async function isInvited(token: string, email: string) {
  const found = await findInvitation(token);
  return found !== null && found.email === normalizeEmail(email);
}
