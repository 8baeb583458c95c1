import { z } from "zod";
import { withWorkspace, json } from "@/lib/api/with-workspace";
import { logsCursor, webhookLogs } from "@/lib/webhooks/logs";

const query = z.object({ limit: z.coerce.number().int().min(1).max(100).default(50), cursor: logsCursor.optional() });

export const GET = withWorkspace(
  async (req, ctx, { id }) => json(await webhookLogs(ctx.workspaceId, id, query.parse(Object.fromEntries(req.nextUrl.searchParams)))),
  { scope: "deliveries:read" },
);
