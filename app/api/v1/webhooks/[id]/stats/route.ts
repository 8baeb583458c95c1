import { z } from "zod";
import { withWorkspace, json } from "@/lib/api/with-workspace";
import { webhookStats } from "@/lib/webhooks/health-stats";

const query = z.object({ window_hours: z.coerce.number().min(1).max(24 * 90).default(24) });

export const GET = withWorkspace(
  async (req, ctx, { id }) => {
    const { window_hours } = query.parse(Object.fromEntries(req.nextUrl.searchParams));
    return json(await webhookStats(ctx.workspaceId, id, window_hours));
  },
  { scope: "webhooks:read" },
);
