// Pending invitations of the active workspace (session only, like members: see ../members/route.ts).
import { withWorkspace, json } from "@/lib/api/with-workspace";
import { listInvitations } from "@/lib/workspaces/invitations";
import { requireSession } from "@/lib/workspaces/session-only";

export const GET = withWorkspace(
  async (_req, ctx) => {
    requireSession(ctx);
    return json({ data: await listInvitations(ctx.workspaceId) });
  },
  { scope: "api_keys:read" },
);
