import { z } from "zod";

export const deliveryStatus = z.enum(["pending", "sending", "succeeded", "failed", "skipped"]);

export const deliverySchema = z.object({
  id: z.string(),
  event_id: z.string(),
  event_type: z.string(),
  webhook_id: z.string(),
  webhook_url: z.string(),
  status: deliveryStatus,
  attempts: z.number(),
  last_status: z.number().nullable(),
  last_error: z.string().nullable(),
  next_attempt_at: z.string().nullable(),
  last_attempt_at: z.string().nullable(),
  created_at: z.string(),
});
export type DeliveryView = z.infer<typeof deliverySchema>;

export const deliveryListQuery = z.object({
  webhook_id: z.string().optional(),
  event_id: z.string().optional(),
  status: deliveryStatus.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().optional(),
});
