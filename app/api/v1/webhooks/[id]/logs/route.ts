import { withWorkspace } from "@/lib/api/with-workspace";
import { webhookContracts as api } from "@/lib/api/contracts/webhooks";
import { webhookLogs } from "@/lib/webhooks/logs";

export const GET = withWorkspace(api.logs, async ({ ctx, params, query }) => webhookLogs(ctx.workspaceId, params.id, query));
