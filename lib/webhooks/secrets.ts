// Revealing and rotating an endpoint's signing secret, within one workspace
// (another workspace's id is simply not found).
import { db } from "../db";
import { ApiError, notFound } from "../api/errors";
import { decryptSecret, encryptSecret } from "../crypto/secret-box";
import { generateSecret } from "../signing/standard-webhooks";
import type { SecretRotateInput, WebhookSecret } from "../validation/webhook-secret";

const secretSelect = { secretEncrypted: true, previousSecretEncrypted: true, previousSecretExpiresAt: true } as const;

async function load(workspaceId: string, id: string) {
  const row = await db.endpoint.findFirst({ where: { id, workspaceId, kind: "webhook" }, select: secretSelect });
  if (!row) throw notFound("Webhook");
  return row;
}

/** An expired grace period is reported as none, whatever is still stored. */
function graceEnd(expiresAt: Date | null, now = new Date()): string | null {
  return expiresAt && expiresAt > now ? expiresAt.toISOString() : null;
}

export async function revealSecret(workspaceId: string, id: string): Promise<WebhookSecret> {
  const row = await load(workspaceId, id);
  return { secret: decryptSecret(row.secretEncrypted), previous_secret_expires_at: graceEnd(row.previousSecretExpiresAt) };
}

/**
 * The new secret signs from the next attempt on. With a grace period the one
 * it replaces keeps signing next to it until the period ends (a second
 * rotation within the period drops the oldest); with 0 it stops at once.
 */
export async function rotateSecret(workspaceId: string, id: string, input: SecretRotateInput): Promise<WebhookSecret> {
  // Compare-and-set on the stored (randomly IV'd, so unique) ciphertext: of two
  // concurrent rotations one wins and the other retries on the fresh row, so
  // the secret being retired is always the one that was signing.
  for (let attempt = 0; attempt < 3; attempt++) {
    const row = await load(workspaceId, id);
    const current = decryptSecret(row.secretEncrypted);
    if (input.secret !== undefined && input.secret === current) {
      const message = "secret must differ from the current secret";
      throw new ApiError("validation_failed", `secret: ${message}`, [{ path: "secret", message }]);
    }
    const secret = input.secret ?? generateSecret();
    const now = new Date();
    const expiresAt = input.grace_period_sec > 0 ? new Date(now.getTime() + input.grace_period_sec * 1000) : null;
    const { count } = await db.endpoint.updateMany({
      where: { id, workspaceId, secretEncrypted: row.secretEncrypted },
      data: {
        secretEncrypted: encryptSecret(secret),
        previousSecretEncrypted: expiresAt ? row.secretEncrypted : null,
        previousSecretExpiresAt: expiresAt,
      },
    });
    if (count === 1) return { secret, previous_secret_expires_at: graceEnd(expiresAt, now) };
  }
  throw new ApiError("conflict", "The secret was rotated concurrently; try again");
}
