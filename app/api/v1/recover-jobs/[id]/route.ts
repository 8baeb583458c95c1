import { withWorkspace } from "@/lib/api/with-workspace";
import { deliveryContracts as api } from "@/lib/api/contracts/deliveries";
import { getRecoverJob } from "@/lib/recover/service";

export const GET = withWorkspace(api.recoverJob, async ({ ctx, params }) => getRecoverJob(ctx.workspaceId, params.id));
