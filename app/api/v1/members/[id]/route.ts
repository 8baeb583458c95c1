// 409 when the change would leave no owner; the owner/admin rules live in lib/workspaces/members.ts.
import { withWorkspace } from "@/lib/api/with-workspace";
import { tenancyContracts as api } from "@/lib/api/contracts/tenancy";
import { changeRole, removeMember } from "@/lib/workspaces/members";

export const PATCH = withWorkspace(api.changeRole, async ({ ctx, params, body }) => changeRole(ctx.workspaceId, ctx.role, params.id, body.role));

export const DELETE = withWorkspace(api.removeMember, async ({ ctx, params }) => {
  await removeMember(ctx.workspaceId, ctx.role, ctx.userId, params.id);
});
