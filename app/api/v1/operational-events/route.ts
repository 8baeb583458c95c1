import { withWorkspace, json } from "@/lib/api/with-workspace";
import { operationalFeed } from "@/lib/events/operational-feed";

export const GET = withWorkspace(async (_req, ctx) => json(await operationalFeed(ctx.workspaceId)), { scope: "deliveries:read" });
