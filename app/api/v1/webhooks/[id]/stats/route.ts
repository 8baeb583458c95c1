import { withWorkspace } from "@/lib/api/with-workspace";
import { webhookContracts as api } from "@/lib/api/contracts/webhooks";
import { webhookStats } from "@/lib/webhooks/health-stats";

export const GET = withWorkspace(api.stats, async ({ ctx, params, query }) => webhookStats(ctx.workspaceId, params.id, query.window_hours));
