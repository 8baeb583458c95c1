import { withWorkspace } from "@/lib/api/with-workspace";
import { webhookContracts as api } from "@/lib/api/contracts/webhooks";
import { createWebhook, listWebhooks } from "@/lib/webhooks/service";

export const GET = withWorkspace(api.list, async ({ ctx }) => ({ data: await listWebhooks(ctx.workspaceId) }));

export const POST = withWorkspace(api.create, async ({ ctx, body }) => createWebhook(ctx.workspaceId, body));
