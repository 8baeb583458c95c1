import { withWorkspace } from "@/lib/api/with-workspace";
import { eventContracts as api } from "@/lib/api/contracts/events";
import { getEvent } from "@/lib/events/list";

export const GET = withWorkspace(api.get, async ({ ctx, params }) => getEvent(ctx.workspaceId, params.id));
