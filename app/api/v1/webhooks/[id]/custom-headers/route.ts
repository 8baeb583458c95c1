import { withWorkspace, json } from "@/lib/api/with-workspace";
import { revealCustomHeaders } from "@/lib/webhooks/custom-headers";

// Needs "webhooks:write", like the signing secret: custom header values are
// usually the receiver's credentials, which every other answer masks.
export const GET = withWorkspace(
  async (_req, ctx, { id }) => {
    const res = json(await revealCustomHeaders(ctx.workspaceId, id));
    res.headers.set("cache-control", "no-store");
    return res;
  },
  { scope: "webhooks:write" },
);
