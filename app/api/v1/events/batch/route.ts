import { withWorkspace, readJson, json } from "@/lib/api/with-workspace";
import { eventBatchSchema, MAX_BATCH_BYTES } from "@/lib/validation/event";
import { batchInputs } from "@/lib/events/batch-input";
import { ingestEvents } from "@/lib/events/ingest-batch";

export const POST = withWorkspace(
  async (req, ctx) => {
    const body = eventBatchSchema.parse(await readJson(req, MAX_BATCH_BYTES));
    return json({ data: await ingestEvents(ctx.workspaceId, await batchInputs(ctx.workspaceId, body.events)) }, 202);
  },
  { scope: "events:write" },
);
