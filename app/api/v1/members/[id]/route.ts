// See ../route.ts for why these need a session. 409 when the change would leave no owner.
import { withWorkspace, readJson, json } from "@/lib/api/with-workspace";
import { changeRole, removeMember } from "@/lib/workspaces/members";
import { requireSession } from "@/lib/workspaces/session-only";
import { memberUpdateSchema } from "@/lib/workspaces/validation";

export const PATCH = withWorkspace(
  async (req, ctx, params) => {
    requireSession(ctx);
    const { role } = memberUpdateSchema.parse(await readJson(req, 4 * 1024));
    return json(await changeRole(ctx.workspaceId, ctx.role, params.id, role));
  },
  { scope: "api_keys:write" },
);

export const DELETE = withWorkspace(
  async (_req, ctx, params) => {
    requireSession(ctx);
    await removeMember(ctx.workspaceId, ctx.role, ctx.userId, params.id);
    return new Response(null, { status: 204 });
  },
  { scope: "api_keys:write" },
);
