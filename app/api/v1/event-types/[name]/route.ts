import { withWorkspace } from "@/lib/api/with-workspace";
import { catalogContracts as api } from "@/lib/api/contracts/catalog";
import { deleteEventType, getEventType, updateEventType } from "@/lib/catalog";

export const GET = withWorkspace(api.get, async ({ ctx, params }) => getEventType(ctx.workspaceId, params.name));

export const PATCH = withWorkspace(api.update, async ({ ctx, params, body }) => updateEventType(ctx.workspaceId, params.name, body));

export const DELETE = withWorkspace(api.delete, async ({ ctx, params }) => {
  await deleteEventType(ctx.workspaceId, params.name);
});
