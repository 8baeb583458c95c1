import { withWorkspace } from "@/lib/api/with-workspace";
import { eventContracts as api } from "@/lib/api/contracts/events";
import { batchInputs } from "@/lib/events/batch-input";
import { ingestEvents } from "@/lib/events/ingest-batch";
import { refuseDeliveryLoops } from "@/lib/events/loop-guard";

export const POST = withWorkspace(
  api.batch,
  async ({ ctx, body }) => ({ data: await ingestEvents(ctx.workspaceId, await batchInputs(ctx.workspaceId, body.events)) }),
  {
    beforeParse: (raw, req) => {
      const events = (raw as { events?: unknown } | null)?.events;
      refuseDeliveryLoops(req.headers, Array.isArray(events) ? events : []);
    },
  },
);
