import { withWorkspace } from "@/lib/api/with-workspace";
import { deliveryContracts as api } from "@/lib/api/contracts/deliveries";
import { startRecover } from "@/lib/recover/service";

export const POST = withWorkspace(api.recover, async ({ ctx, params, body }) =>
  startRecover(ctx.workspaceId, params.id, { since: new Date(body.since), until: body.until ? new Date(body.until) : undefined }),
);
