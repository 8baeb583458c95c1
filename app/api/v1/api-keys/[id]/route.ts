import { withWorkspace, json } from "@/lib/api/with-workspace";
import { revokeApiKey } from "@/lib/api/api-keys";
import { notFound } from "@/lib/api/errors";

export const DELETE = withWorkspace(
  async (_req, ctx, { id }) => {
    const revoked = await revokeApiKey(ctx.workspaceId, id);
    if (!revoked) throw notFound("API key");
    return json(revoked);
  },
  { scope: "api_keys:write" },
);
