// Creating a workspace with its owner; used by the seed and by tests.
// (Sign-up flows and invitations arrive with the accounts issue.)
import { db } from "../db";
import { newId } from "../ids";

export async function createWorkspace(name: string, ownerUserId?: string) {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}-${Math.random().toString(36).slice(2, 8)}`;
  return db.workspace.create({
    data: {
      id: newId("ws"),
      name,
      slug,
      ...(ownerUserId ? { members: { create: { id: newId("mem"), userId: ownerUserId, role: "owner" } } } : {}),
    },
  });
}
