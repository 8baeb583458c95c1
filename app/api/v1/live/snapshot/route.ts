import { z } from "zod";
import { withWorkspace, json } from "@/lib/api/with-workspace";
import { recentEvents } from "@/lib/events/recent";

const query = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(300) });

// The live dashboard's starting point: recent scan, infringement and takedown events.
export const GET = withWorkspace(
  async (req, ctx) => {
    const { limit } = query.parse(Object.fromEntries(req.nextUrl.searchParams));
    return json({ data: await recentEvents(ctx.workspaceId, ["scan.", "infringement.", "takedown."], limit) });
  },
  { scope: "deliveries:read" },
);
