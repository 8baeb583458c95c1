// Ingest shape: { event | type, data, id? }. Seed 002 names the field `type`.
import { z } from "zod";

export const MAX_EVENT_BYTES = 256 * 1024;

export const eventTypeName = z
  .string()
  .trim()
  .min(1, "event type must not be empty")
  .max(200)
  .regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/i, 'must be a dotted event type like "scan.completed"');

export const eventIngestSchema = z
  .object({
    event: eventTypeName.optional(),
    type: eventTypeName.optional(),
    data: z.record(z.string(), z.unknown(), { error: "data must be a JSON object" }),
    id: z.string().trim().min(1).max(255).optional(),
    webhook_url: z
      .string()
      .max(2048)
      .refine((v) => {
        try {
          return ["http:", "https:"].includes(new URL(v).protocol);
        } catch {
          return false;
        }
      }, "webhook_url must be an absolute http(s) URL")
      .optional(),
  })
  .refine((v) => v.event || v.type, { message: 'one of "event" or "type" is required', path: ["event"] })
  .refine((v) => !(v.event && v.type && v.event !== v.type), {
    message: '"event" and "type" disagree; send one of them',
    path: ["type"],
  });

export type EventIngestInput = z.infer<typeof eventIngestSchema>;

export const eventAcceptedSchema = z.object({
  id: z.string(),
  event: z.string(),
  deliveries: z.number(),
  created_at: z.string(),
});
export type EventAccepted = z.infer<typeof eventAcceptedSchema>;
