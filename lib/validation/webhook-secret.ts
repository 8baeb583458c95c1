// Request/response shapes for /api/v1/webhooks/:id/secret, …/secret/rotate and …/custom-headers.
import { z } from "zod";

export const MAX_GRACE_PERIOD_SEC = 7 * 24 * 3600;
export const DEFAULT_GRACE_PERIOD_SEC = 24 * 3600;

// The same rule as a secret chosen on create (lib/validation/webhook.ts).
const secret = z
  .string()
  .min(8, "secret must be at least 8 characters")
  .max(200, "secret must be at most 200 characters")
  // Printable ASCII only: every verifier library keys it the same way (UTF-8 = Latin-1 here).
  .refine((s) => /^[\x21-\x7e]+$/.test(s), "secret must be printable ASCII without spaces");

export const secretRotateSchema = z.strictObject({
  // Absent: a new whsec_ secret is generated.
  secret: secret.optional(),
  // How long the old secret keeps signing next to the new one; 0 = it stops now.
  grace_period_sec: z
    .number({ error: "grace_period_sec must be a number of seconds" })
    .int("grace_period_sec must be a whole number of seconds")
    .min(0, "grace_period_sec must be at least 0")
    .max(MAX_GRACE_PERIOD_SEC, `grace_period_sec must be at most ${MAX_GRACE_PERIOD_SEC} (7 days)`)
    .default(DEFAULT_GRACE_PERIOD_SEC),
});
export type SecretRotateInput = z.infer<typeof secretRotateSchema>;

export const webhookSecretSchema = z.object({
  secret: z.string(),
  // While in the future, the previous secret still signs every delivery.
  previous_secret_expires_at: z.string().nullable(),
});
export type WebhookSecret = z.infer<typeof webhookSecretSchema>;

// GET /api/v1/webhooks/:id/custom-headers: the values every other answer masks.
export const webhookCustomHeadersSchema = z.object({ custom_headers: z.record(z.string(), z.string()) });
export type WebhookCustomHeaders = z.infer<typeof webhookCustomHeadersSchema>;
