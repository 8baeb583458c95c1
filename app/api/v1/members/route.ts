// Members routes need a dashboard session (requireSession): access control is managed
// by people, never by API keys. Writes use a ":write" scope so viewers get 403 from
// withWorkspace; the owner/admin rules live in lib/workspaces/members.ts.
import { withWorkspace, readJson, json } from "@/lib/api/with-workspace";
import { listMembers } from "@/lib/workspaces/members";
import { inviteMember } from "@/lib/workspaces/invitations";
import { requireSession } from "@/lib/workspaces/session-only";
import { memberAddSchema } from "@/lib/workspaces/validation";

export const GET = withWorkspace(
  async (_req, ctx) => {
    requireSession(ctx);
    return json({ data: await listMembers(ctx.workspaceId) });
  },
  { scope: "api_keys:read" },
);

export const POST = withWorkspace(
  async (req, ctx) => {
    requireSession(ctx);
    const input = memberAddSchema.parse(await readJson(req, 4 * 1024));
    // 202 whether or not the email has an account: the invitee joins by accepting (lib/workspaces/invitations.ts).
    return json({ data: await inviteMember(ctx.workspaceId, { role: ctx.role, userId: ctx.userId }, input.email, input.role) }, 202);
  },
  { scope: "api_keys:write" },
);
