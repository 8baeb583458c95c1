// Creating a workspace with its owner. Kept free of Next.js imports: lib/auth/auth.ts
// (loaded by server.ts before Next starts) calls it from the sign-up hook.
import { db, type Prisma } from "../db";
import { newId } from "../ids";

/** `client`: a transaction's, when the caller counts the user's workspaces first (lib/workspaces/service.ts). */
export async function createWorkspace(name: string, ownerUserId?: string, client: Prisma.TransactionClient = db) {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40)}-${Math.random().toString(36).slice(2, 8)}`;
  return client.workspace.create({
    data: {
      id: newId("ws"),
      name,
      slug,
      ...(ownerUserId ? { members: { create: { id: newId("mem"), userId: ownerUserId, role: "owner" } } } : {}),
    },
  });
}
