import { withWorkspace, readJson, json } from "@/lib/api/with-workspace";
import { secretRotateSchema } from "@/lib/validation/webhook-secret";
import { rotateSecret } from "@/lib/webhooks/secrets";

const MAX_BODY = 4 * 1024;

export const POST = withWorkspace(
  async (req, ctx, { id }) => {
    // A bare POST (no body at all) means "generate one, default grace period".
    const empty = !req.headers.get("content-type") && Number(req.headers.get("content-length") ?? "0") === 0;
    const input = secretRotateSchema.parse(empty ? {} : await readJson(req, MAX_BODY));
    const res = json(await rotateSecret(ctx.workspaceId, id, input));
    res.headers.set("cache-control", "no-store");
    return res;
  },
  { scope: "webhooks:write" },
);
