// Standard Webhooks signatures (https://www.standardwebhooks.com):
//   webhook-signature: v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<body>")>
// The body signed is the exact string that goes on the wire.
import { createHmac, randomBytes } from "node:crypto";

const PREFIX = "whsec_";

/** A new secret in the spec's format: whsec_ + base64 of 24 random bytes. */
export function generateSecret(): string {
  return PREFIX + randomBytes(24).toString("base64");
}

/**
 * The HMAC key for a secret. `whsec_` secrets carry base64 key bytes; a secret a
 * user typed in (the Content Protection Platform lets them choose one) is used as its UTF-8 bytes,
 * which is what the `standardwebhooks` package does with `{ format: "raw" }`.
 */
export function secretKey(secret: string): Buffer {
  return secret.startsWith(PREFIX) ? Buffer.from(secret.slice(PREFIX.length), "base64") : Buffer.from(secret, "utf8");
}

export function sign(secret: string, msgId: string, timestampSec: number, body: string): string {
  const mac = createHmac("sha256", secretKey(secret)).update(`${msgId}.${timestampSec}.${body}`).digest("base64");
  return `v1,${mac}`;
}

/** The three headers of the spec; several secrets (rotation) give several signatures. */
export function standardWebhookHeaders(
  secrets: string[],
  msgId: string,
  timestampSec: number,
  body: string,
): Record<string, string> {
  return {
    "webhook-id": msgId,
    "webhook-timestamp": String(timestampSec),
    "webhook-signature": secrets.map((s) => sign(s, msgId, timestampSec, body)).join(" "),
  };
}
