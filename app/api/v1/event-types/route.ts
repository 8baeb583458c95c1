import { withWorkspace } from "@/lib/api/with-workspace";
import { catalogContracts as api } from "@/lib/api/contracts/catalog";
import { createEventType, listEventTypes } from "@/lib/catalog";

export const GET = withWorkspace(api.list, async ({ ctx }) => ({ data: await listEventTypes(ctx.workspaceId) }));

export const POST = withWorkspace(api.create, async ({ ctx, body }) => createEventType(ctx.workspaceId, body));
