import { withWorkspace, json } from "@/lib/api/with-workspace";
import { issueLiveToken } from "@/lib/realtime/token";

// A live-feed token lets its holder read the workspace's events: read scope.
export const POST = withWorkspace(
  async (_req, ctx) => {
    const { token, expiresAt } = await issueLiveToken(ctx.workspaceId, ctx.userId ?? ctx.workspaceId);
    return json({ token, expires_at: expiresAt.toISOString() }, 201);
  },
  { scope: "deliveries:read" },
);
