// Members routes need a dashboard session (sessionOnly in their contracts): access control is
// managed by people, never by API keys. Writes use "members:write", so viewers get 403 from
// withWorkspace; the owner/admin rules live in lib/workspaces/members.ts.
import { withWorkspace } from "@/lib/api/with-workspace";
import { tenancyContracts as api } from "@/lib/api/contracts/tenancy";
import { listMembers } from "@/lib/workspaces/members";
import { inviteMember } from "@/lib/workspaces/invitations";

export const GET = withWorkspace(api.listMembers, async ({ ctx }) => ({ data: await listMembers(ctx.workspaceId) }));

// 202 whether or not the email has an account: the invitee joins by accepting (lib/workspaces/invitations.ts).
export const POST = withWorkspace(api.invite, async ({ ctx, body }) => ({
  data: await inviteMember(ctx.workspaceId, { role: ctx.role, userId: ctx.userId }, body.email, body.role),
}));
