// Users and memberships straight into the database (sign-up flows are not
// what these tests are about): who gets the workspace's notification emails.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";

export async function addMember(workspaceId: string, role: "owner" | "admin" | "viewer") {
  const tag = randomBytes(4).toString("hex");
  const user = await db.user.create({ data: { id: `usr_${tag}`, name: `${role} ${tag}`, email: `${role}-${tag}@example.test` } });
  await db.membership.create({ data: { id: newId("mem"), workspaceId, userId: user.id, role } });
  return user;
}

/** Gives an existing (signed-up) user a role in a workspace. */
export async function addMemberByEmail(workspaceId: string, email: string, role: "owner" | "admin" | "viewer") {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  await db.membership.create({ data: { id: newId("mem"), workspaceId, userId: user.id, role } });
  return user;
}
