import { withWorkspace } from "@/lib/api/with-workspace";
import { eventContracts as api } from "@/lib/api/contracts/events";
import { recentEvents } from "@/lib/events/recent";

// The live dashboard's starting point: recent scan, infringement and takedown events.
export const GET = withWorkspace(api.liveSnapshot, async ({ ctx, query }) => ({
  data: await recentEvents(ctx.workspaceId, ["scan.", "infringement.", "takedown."], query.limit),
}));
