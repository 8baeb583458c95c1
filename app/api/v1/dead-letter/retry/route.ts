import { z } from "zod";
import { withWorkspace, readJson, json } from "@/lib/api/with-workspace";
import { retryDeadLetters } from "@/lib/deliveries/dead-letter";

const body = z
  .strictObject({
    delivery_ids: z.array(z.string().startsWith("dlv_", "delivery ids start with dlv_")).min(1).max(1000).optional(),
    webhook_id: z.string().optional(),
    all: z.literal(true).optional(),
  })
  .refine((b) => b.delivery_ids || b.all, { message: 'send "delivery_ids" or "all": true', path: ["delivery_ids"] });

export const POST = withWorkspace(
  async (req, ctx) => {
    const input = body.parse(await readJson(req, 256 * 1024));
    const retried = await retryDeadLetters(ctx.workspaceId, { ids: input.delivery_ids, webhookId: input.webhook_id });
    return json({ retried }, 202);
  },
  { scope: "deliveries:write" },
);
