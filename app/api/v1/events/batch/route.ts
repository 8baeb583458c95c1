import { withWorkspace, readJson, json } from "@/lib/api/with-workspace";
import { eventBatchSchema, MAX_BATCH_BYTES } from "@/lib/validation/event";
import { batchInputs } from "@/lib/events/batch-input";
import { ingestEvents } from "@/lib/events/ingest-batch";
import { refuseDeliveryLoops } from "@/lib/events/loop-guard";

export const POST = withWorkspace(
  async (req, ctx) => {
    const raw = (await readJson(req, MAX_BATCH_BYTES)) as { events?: unknown } | null;
    refuseDeliveryLoops(req.headers, Array.isArray(raw?.events) ? raw.events : []);
    const body = eventBatchSchema.parse(raw);
    return json({ data: await ingestEvents(ctx.workspaceId, await batchInputs(ctx.workspaceId, body.events)) }, 202);
  },
  { scope: "events:write" },
);
