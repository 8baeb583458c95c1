import { z } from "zod";
import { withWorkspace, readJson, json } from "@/lib/api/with-workspace";
import { testSend } from "@/lib/webhooks/test-send";
import { eventTypeName } from "@/lib/validation/event";

const body = z.strictObject({
  event_type: eventTypeName.optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});

// An empty body sends the AI Social Media Platform's webhook.test event.
export const POST = withWorkspace(
  async (req, ctx, { id }) => {
    const hasBody = (req.headers.get("content-length") ?? "0") !== "0" || req.headers.get("content-type");
    const input = hasBody ? body.parse(await readJson(req, 256 * 1024)) : {};
    return json(await testSend(ctx.workspaceId, id, { type: input.event_type, data: input.data }));
  },
  { scope: "webhooks:write" },
);
