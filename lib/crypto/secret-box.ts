// Endpoint signing secrets are stored encrypted (AES-256-GCM) with ENCRYPTION_KEY,
// so a database dump alone cannot forge webhooks.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { config } from "../config";

const VERSION = "v1";

function key(): Buffer {
  const raw = config().ENCRYPTION_KEY;
  if (!raw) throw new Error("ENCRYPTION_KEY is not set (npm start writes one into .env on first run)");
  const buf = Buffer.from(raw, "base64");
  if (buf.length !== 32) throw new Error("ENCRYPTION_KEY must be 32 bytes, base64-encoded");
  return buf;
}

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString("base64"), tag.toString("base64"), data.toString("base64")].join(":");
}

/** A stored secret that this ENCRYPTION_KEY cannot open: no retry will change that. */
export class SecretUnreadableError extends Error {
  constructor() {
    super("the signing secret cannot be decrypted with the current ENCRYPTION_KEY (was the key changed?)");
    this.name = "SecretUnreadableError";
  }
}

export function decryptSecret(sealed: string): string {
  const [version, iv, tag, data] = sealed.split(":");
  if (version !== VERSION || !iv || !tag || !data) throw new SecretUnreadableError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretUnreadableError();
  }
}
