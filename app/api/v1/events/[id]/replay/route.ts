import { withWorkspace, readJson, json } from "@/lib/api/with-workspace";
import { eventReplaySchema } from "@/lib/validation/event";
import { replayEvent } from "@/lib/events/replay";

export const POST = withWorkspace(
  async (req, ctx, { id }) => {
    // The body is optional: no body replays to every endpoint.
    const hasBody = (req.headers.get("content-length") ?? "0") !== "0" || req.headers.has("content-type");
    const body = eventReplaySchema.parse(hasBody ? await readJson(req, 64 * 1024) : {});
    return json(await replayEvent(ctx.workspaceId, id, body.webhook_ids), 202);
  },
  { scope: "deliveries:write" },
);
