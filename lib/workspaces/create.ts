// Creating a workspace with its owner. Kept free of Next.js imports: lib/auth/auth.ts
// (loaded by server.ts before Next starts) calls it from the sign-up hook.
import { db } from "../db";
import { newId } from "../ids";

export async function createWorkspace(name: string, ownerUserId?: string) {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40)}-${Math.random().toString(36).slice(2, 8)}`;
  return db.workspace.create({
    data: {
      id: newId("ws"),
      name,
      slug,
      ...(ownerUserId ? { members: { create: { id: newId("mem"), userId: ownerUserId, role: "owner" } } } : {}),
    },
  });
}
