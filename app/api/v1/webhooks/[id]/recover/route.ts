import { withWorkspace, readJson, json } from "@/lib/api/with-workspace";
import { recoverSchema } from "@/lib/validation/delivery";
import { startRecover } from "@/lib/recover/service";

export const POST = withWorkspace(
  async (req, ctx, { id }) => {
    const body = recoverSchema.parse(await readJson(req, 16 * 1024));
    const job = await startRecover(ctx.workspaceId, id, { since: new Date(body.since), until: body.until ? new Date(body.until) : undefined });
    return json(job, 202);
  },
  { scope: "deliveries:write" },
);
