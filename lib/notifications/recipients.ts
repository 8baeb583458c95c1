// Who is told about a workspace's failing webhooks: its owners and admins.
import { db } from "../db";

export async function workspaceAdminEmails(workspaceId: string): Promise<string[]> {
  const members = await db.membership.findMany({
    where: { workspaceId, role: { in: ["owner", "admin"] } },
    select: { user: { select: { email: true } } },
    orderBy: { createdAt: "asc" },
  });
  return [...new Set(members.map((m) => m.user.email))];
}
