// Revoking an invitation: its link stops working at once. Another workspace's id is 404.
import { withWorkspace } from "@/lib/api/with-workspace";
import { tenancyContracts as api } from "@/lib/api/contracts/tenancy";
import { revokeInvitation } from "@/lib/workspaces/invitations";

export const DELETE = withWorkspace(api.revokeInvitation, async ({ ctx, params }) => {
  await revokeInvitation(ctx.workspaceId, ctx.role, params.id);
});
