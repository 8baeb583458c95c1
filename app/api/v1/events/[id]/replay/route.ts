import { withWorkspace } from "@/lib/api/with-workspace";
import { eventContracts as api } from "@/lib/api/contracts/events";
import { replayEvent } from "@/lib/events/replay";

// No body replays to every endpoint subscribed to the event.
export const POST = withWorkspace(api.replay, async ({ ctx, params, body }) => replayEvent(ctx.workspaceId, params.id, body.webhook_ids));
