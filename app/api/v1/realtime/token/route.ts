import { withWorkspace, json } from "@/lib/api/with-workspace";
import { issueLiveToken } from "@/lib/realtime/token";

// A live-feed token lets its holder read the workspace's events: read scope.
// Its subject names who asked (the user or the API key), for audit and because
// connections opened with it close once that key is revoked or that user leaves.
export const POST = withWorkspace(
  async (_req, ctx) => {
    const subject = ctx.userId ? `user:${ctx.userId}` : `key:${ctx.keyId}`;
    const { token, expiresAt } = await issueLiveToken(ctx.workspaceId, subject);
    return json({ token, expires_at: expiresAt.toISOString() }, 201);
  },
  { scope: "deliveries:read" },
);
