import { withWorkspace, readJson, json } from "@/lib/api/with-workspace";
import { eventTypeCreateSchema } from "@/lib/catalog/schemas";
import { createEventType, listEventTypes } from "@/lib/catalog";

const MAX_BODY = 256 * 1024;

export const GET = withWorkspace(async (_req, ctx) => json({ data: await listEventTypes(ctx.workspaceId) }), {
  scope: "webhooks:read",
});

export const POST = withWorkspace(
  async (req, ctx) => {
    const input = eventTypeCreateSchema.parse(await readJson(req, MAX_BODY));
    return json(await createEventType(ctx.workspaceId, input), 201);
  },
  { scope: "webhooks:write" },
);
