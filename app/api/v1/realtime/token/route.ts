import { withWorkspace } from "@/lib/api/with-workspace";
import { accountContracts as api } from "@/lib/api/contracts/account";
import { issueLiveToken } from "@/lib/realtime/token";

// A live-feed token lets its holder read the workspace's events: read scope.
// Its subject names who asked (the user or the API key), for audit and because
// connections opened with it close once that key is revoked or that user leaves.
export const POST = withWorkspace(api.liveToken, async ({ ctx }) => {
  const subject = ctx.userId ? `user:${ctx.userId}` : `key:${ctx.keyId}`;
  const { token, expiresAt } = await issueLiveToken(ctx.workspaceId, subject);
  return { token, expires_at: expiresAt.toISOString() };
});
