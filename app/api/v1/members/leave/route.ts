// Leaving the active workspace; 409 when the caller is its last owner.
import { withWorkspace } from "@/lib/api/with-workspace";
import { tenancyContracts as api } from "@/lib/api/contracts/tenancy";
import { leaveWorkspace } from "@/lib/workspaces/members";

export const POST = withWorkspace(api.leave, async ({ ctx }) => {
  await leaveWorkspace(ctx.workspaceId, ctx.userId);
});
