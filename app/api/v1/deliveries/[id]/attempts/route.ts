import { z } from "zod";
import { withWorkspace, json } from "@/lib/api/with-workspace";
import { listDeliveryAttempts } from "@/lib/deliveries/detail";

const query = z.object({ limit: z.coerce.number().int().min(1).max(100).default(50), cursor: z.string().optional() });

export const GET = withWorkspace(
  async (req, ctx, { id }) => json(await listDeliveryAttempts(ctx.workspaceId, id, query.parse(Object.fromEntries(req.nextUrl.searchParams)))),
  { scope: "deliveries:read" },
);
