import { z } from "zod";
import { withWorkspace, json } from "@/lib/api/with-workspace";
import { listDeadLetter } from "@/lib/deliveries/dead-letter";

const query = z.object({
  webhook_id: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().optional(),
});

export const GET = withWorkspace(
  async (req, ctx) => json(await listDeadLetter(ctx.workspaceId, query.parse(Object.fromEntries(req.nextUrl.searchParams)))),
  { scope: "deliveries:read" },
);
