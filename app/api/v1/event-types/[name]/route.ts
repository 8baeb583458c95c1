import { withWorkspace, readJson, json } from "@/lib/api/with-workspace";
import { eventTypeUpdateSchema } from "@/lib/catalog/schemas";
import { deleteEventType, getEventType, updateEventType } from "@/lib/catalog";

const MAX_BODY = 256 * 1024;

export const GET = withWorkspace(async (_req, ctx, { name }) => json(await getEventType(ctx.workspaceId, name)), {
  scope: "webhooks:read",
});

export const PATCH = withWorkspace(
  async (req, ctx, { name }) => {
    const input = eventTypeUpdateSchema.parse(await readJson(req, MAX_BODY));
    return json(await updateEventType(ctx.workspaceId, name, input));
  },
  { scope: "webhooks:write" },
);

export const DELETE = withWorkspace(
  async (_req, ctx, { name }) => {
    await deleteEventType(ctx.workspaceId, name);
    return new Response(null, { status: 204 });
  },
  { scope: "webhooks:write" },
);
