// Members of one workspace. People join by accepting an invitation
// (./invitations.ts), never by being added. Every change keeps at least one owner.
import { db } from "../db";
import { ApiError, notFound } from "../api/errors";
import type { Role } from "./active";
import type { MemberView } from "./validation";

const select = { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } } as const;
type Row = { id: string; role: Role; createdAt: Date; user: { id: string; email: string; name: string } };

const view = (m: Row): MemberView => ({
  id: m.id,
  user_id: m.user.id,
  email: m.user.email,
  name: m.user.name,
  role: m.role,
  created_at: m.createdAt.toISOString(),
});

export async function listMembers(workspaceId: string): Promise<MemberView[]> {
  const rows = await db.membership.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" }, select });
  return rows.map(view);
}

export function requireManager(role: Role | undefined) {
  if (role !== "owner" && role !== "admin") throw new ApiError("forbidden", "Only owners and admins can manage members");
}

/** Admins manage admins and viewers; only owners can make or unmake owners. */
export function requireOwnerFor(actor: Role | undefined, ...roles: Role[]) {
  if (roles.includes("owner") && actor !== "owner") throw new ApiError("forbidden", "Only an owner can grant or change the owner role");
}

async function findMember(workspaceId: string, id: string) {
  // workspaceId in the filter: another workspace's member id is a plain 404.
  const m = await db.membership.findFirst({ where: { id, workspaceId }, select });
  if (!m) throw notFound("Member");
  return m;
}

/** Runs in a serializable transaction so two concurrent demotions can't both pass the "another owner exists" check. */
async function withOwnerGuard<T>(workspaceId: string, memberId: string, change: (tx: typeof db) => Promise<T>, losesOwner: boolean) {
  return db.$transaction(
    async (tx) => {
      if (losesOwner) {
        const owners = await tx.membership.count({ where: { workspaceId, role: "owner", id: { not: memberId } } });
        if (owners === 0) throw new ApiError("conflict", "A workspace needs at least one owner: make someone else owner first");
      }
      return change(tx as typeof db);
    },
    { isolationLevel: "Serializable" },
  );
}

export async function changeRole(workspaceId: string, actor: Role | undefined, id: string, role: Role) {
  requireManager(actor);
  const m = await findMember(workspaceId, id);
  requireOwnerFor(actor, role, m.role);
  if (m.role === role) return view(m);
  const row = await withOwnerGuard(workspaceId, id, (tx) => tx.membership.update({ where: { id }, data: { role }, select }), m.role === "owner");
  return view(row);
}

export async function removeMember(workspaceId: string, actor: Role | undefined, actorUserId: string | undefined, id: string) {
  const m = await findMember(workspaceId, id);
  // Anyone may leave; removing someone else needs owner/admin.
  if (m.user.id !== actorUserId) {
    requireManager(actor);
    requireOwnerFor(actor, m.role);
  }
  await withOwnerGuard(workspaceId, id, (tx) => tx.membership.delete({ where: { id } }), m.role === "owner");
}

/** Anyone may leave, viewers included; the last owner can't (409). */
export async function leaveWorkspace(workspaceId: string, userId: string) {
  const m = await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { id: true, role: true } });
  if (!m) throw notFound("Membership");
  await withOwnerGuard(workspaceId, m.id, (tx) => tx.membership.delete({ where: { id: m.id } }), m.role === "owner");
}
