// Revoking an invitation: its link stops working at once. Another workspace's id is 404.
import { withWorkspace } from "@/lib/api/with-workspace";
import { revokeInvitation } from "@/lib/workspaces/invitations";
import { requireSession } from "@/lib/workspaces/session-only";

export const DELETE = withWorkspace(
  async (_req, ctx, params) => {
    requireSession(ctx);
    await revokeInvitation(ctx.workspaceId, ctx.role, params.id);
    return new Response(null, { status: 204 });
  },
  { scope: "api_keys:write" },
);
