// An endpoint's custom headers usually carry the receiver's credentials
// (Authorization, X-API-Key), so they are handled like the signing secret:
// stored AES-GCM encrypted (Endpoint.customHeadersEncrypted, one sealed JSON
// object, lib/crypto/secret-box.ts), shown masked in every answer and stored
// attempt, revealed only by GET /webhooks/:id/custom-headers (webhooks:write).
// Rows saved before encryption keep plaintext in policy.custom_headers until
// sealLegacyCustomHeaders() (run by the worker at start) or their next update
// moves them; until then they are read from there.
import { db } from "../db";
import { ApiError } from "../api/errors";
import { decryptSecret, encryptSecret, SecretUnreadableError } from "../crypto/secret-box";
import { notFound } from "../api/errors";
import { readPolicy } from "../validation/endpoint-policy";
import type { WebhookCustomHeaders } from "../validation/webhook-secret";

/** What answers show instead of a value; sent back in an update, it keeps the stored value. */
export const MASKED_HEADER_VALUE = "***";

export type CustomHeaders = Record<string, string>;

/**
 * The endpoint's headers in clear: the sealed column, else (a row saved before
 * encryption) its policy's plaintext field. Throws SecretUnreadableError when
 * ENCRYPTION_KEY changed.
 */
export function openCustomHeaders(sealed: string | null | undefined, legacy: CustomHeaders | null | undefined): CustomHeaders {
  if (sealed) return JSON.parse(decryptSecret(sealed)) as CustomHeaders;
  return legacy ?? {};
}

/** null when there is nothing to store. */
export function sealCustomHeaders(headers: CustomHeaders): string | null {
  return Object.keys(headers).length ? encryptSecret(JSON.stringify(headers)) : null;
}

/** Names kept, values masked; undefined when there are none (as before: the field is left out). */
export function maskedCustomHeaders(sealed: string | null | undefined, legacy: CustomHeaders | null | undefined): CustomHeaders | undefined {
  let headers: CustomHeaders;
  try {
    headers = openCustomHeaders(sealed, legacy);
  } catch (err) {
    // ENCRYPTION_KEY changed: the names are unknown too; the webhook itself is still shown.
    if (err instanceof SecretUnreadableError) return undefined;
    throw err;
  }
  return Object.keys(headers).length ? maskValues(headers) : undefined;
}

export function maskValues(headers: CustomHeaders): CustomHeaders {
  return Object.fromEntries(Object.keys(headers).map((name) => [name, MASKED_HEADER_VALUE]));
}

/** Masks the values of `names` in a request's headers (what attempts store and answers show). */
export function maskHeaders(headers: Record<string, string>, names: readonly string[]): Record<string, string> {
  if (names.length === 0) return headers;
  const secret = new Set(names.map((n) => n.toLowerCase()));
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, secret.has(k.toLowerCase()) ? MASKED_HEADER_VALUE : v]));
}

/**
 * The headers an update stores: a masked value stands for the stored value of
 * the same header (so the settings form can send back what it was shown),
 * and is refused for a header that has none.
 */
export function unmaskCustomHeaders(input: CustomHeaders, stored: () => CustomHeaders): CustomHeaders {
  // Opened only when needed: a full replacement works even if the stored value cannot be read.
  if (!Object.values(input).includes(MASKED_HEADER_VALUE)) return input;
  const storedByName = new Map(Object.entries(stored()).map(([k, v]) => [k.toLowerCase(), v]));
  const out: CustomHeaders = {};
  for (const [name, value] of Object.entries(input)) {
    if (value !== MASKED_HEADER_VALUE) out[name] = value;
    else if (storedByName.has(name.toLowerCase())) out[name] = storedByName.get(name.toLowerCase())!;
    else {
      const message = `"${MASKED_HEADER_VALUE}" is the masked value of a stored header, and "${name}" has none: send its real value`;
      throw new ApiError("validation_failed", `custom_headers.${name}: ${message}`, [{ path: `custom_headers.${name}`, message }]);
    }
  }
  return out;
}

export async function revealCustomHeaders(workspaceId: string, id: string): Promise<WebhookCustomHeaders> {
  const row = await db.endpoint.findFirst({ where: { id, workspaceId, kind: "webhook" }, select: { customHeadersEncrypted: true, policy: true } });
  if (!row) throw notFound("Webhook");
  return { custom_headers: openCustomHeaders(row.customHeadersEncrypted, readPolicy(row.policy).custom_headers) };
}

/** Moves plaintext custom headers of rows saved before encryption into the sealed column. Idempotent. */
export async function sealLegacyCustomHeaders(): Promise<number> {
  const rows = await db.$queryRaw<Array<{ id: string; headers: unknown }>>`
    SELECT id, policy->'custom_headers' AS headers FROM "Endpoint" WHERE policy ? 'custom_headers'`;
  for (const row of rows) {
    const headers = readPolicy({ custom_headers: row.headers }).custom_headers ?? {};
    // Compare-and-set on the plaintext, so a concurrent update through the API is never overwritten.
    await db.$executeRaw`
      UPDATE "Endpoint" SET "customHeadersEncrypted" = COALESCE("customHeadersEncrypted", ${sealCustomHeaders(headers)}),
                            policy = policy - 'custom_headers'
       WHERE id = ${row.id} AND policy->'custom_headers' = ${JSON.stringify(row.headers)}::jsonb`;
  }
  return rows.length;
}
