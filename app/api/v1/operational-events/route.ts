import { withWorkspace } from "@/lib/api/with-workspace";
import { eventContracts as api } from "@/lib/api/contracts/events";
import { operationalFeed } from "@/lib/events/operational-feed";

export const GET = withWorkspace(api.operational, async ({ ctx }) => operationalFeed(ctx.workspaceId));
