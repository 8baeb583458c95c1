import { withWorkspace, json } from "@/lib/api/with-workspace";
import { webhookStats } from "@/lib/webhooks/health-stats";
import { statsWindowQuery } from "@/lib/validation/webhook-stats";

export const GET = withWorkspace(
  async (req, ctx, { id }) => {
    const { window_hours } = statsWindowQuery.parse(Object.fromEntries(req.nextUrl.searchParams));
    return json(await webhookStats(ctx.workspaceId, id, window_hours));
  },
  { scope: "webhooks:read" },
);
