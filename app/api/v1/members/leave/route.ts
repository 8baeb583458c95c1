// Leaving the active workspace. A read scope, so viewers (who can change nothing else)
// can leave too; 409 when the caller is its last owner.
import { withWorkspace } from "@/lib/api/with-workspace";
import { leaveWorkspace } from "@/lib/workspaces/members";
import { requireSession } from "@/lib/workspaces/session-only";

export const POST = withWorkspace(
  async (_req, ctx) => {
    requireSession(ctx);
    await leaveWorkspace(ctx.workspaceId, ctx.userId);
    return new Response(null, { status: 204 });
  },
  { scope: "webhooks:read" },
);
