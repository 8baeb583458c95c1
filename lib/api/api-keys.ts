// API keys: "hr_" + 32 random bytes (base64url). Only the SHA-256 is stored;
// the first characters are kept to tell keys apart in lists.
import { createHash, randomBytes } from "node:crypto";
import { db } from "../db";
import { newId } from "../ids";
import { ApiError } from "./errors";
import { withinQuota } from "../quotas";
import type { ApiKeyView } from "../validation/api-key";
import { ALL_SCOPES, type Scope } from "./scopes";

export { ALL_SCOPES, type Scope };

export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");

export async function createApiKey(workspaceId: string, name: string, scopes: readonly Scope[] = ALL_SCOPES) {
  const key = `hr_${randomBytes(32).toString("base64url")}`;
  const row = await withinQuota(
    "MAX_API_KEYS_PER_WORKSPACE",
    workspaceId,
    (tx) => tx.apiKey.count({ where: { workspaceId, revokedAt: null } }),
    (tx) => tx.apiKey.create({ data: { id: newId("key"), workspaceId, name, prefix: key.slice(0, 10), hash: hashApiKey(key), scopes: [...scopes] } }),
  );
  return { key, id: row.id, prefix: row.prefix };
}

/**
 * A key can't be stronger than whoever makes it: otherwise a key holding only
 * api_keys:write could mint one with every scope. 403 naming what is missing.
 */
export function assertGrantable(requested: readonly Scope[], held: readonly Scope[]) {
  const missing = requested.filter((s) => !held.includes(s));
  if (missing.length) {
    throw new ApiError("forbidden", `A new key's scopes must be among your own; you don't hold: ${missing.join(", ")}`, missing.map((s) => ({ path: "scopes", message: `you don't hold ${s}` })));
  }
}

export interface KeyPrincipal {
  keyId: string;
  workspaceId: string;
  scopes: string[];
}

// `lastUsedAt` is advisory: write it at most once a minute per key, not per request.
const lastTouched = new Map<string, number>();

export async function findApiKey(key: string): Promise<KeyPrincipal | null> {
  const row = await db.apiKey.findUnique({
    where: { hash: hashApiKey(key) },
    select: { id: true, workspaceId: true, scopes: true, revokedAt: true },
  });
  if (!row || row.revokedAt) return null;
  const now = Date.now();
  if ((lastTouched.get(row.id) ?? 0) < now - 60_000) {
    lastTouched.set(row.id, now);
    db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } }).catch(() => {});
  }
  return { keyId: row.id, workspaceId: row.workspaceId, scopes: row.scopes };
}

const keyView = (k: { id: string; name: string; prefix: string; scopes: string[]; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }): ApiKeyView => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  // Stored by createApiKey from ALL_SCOPES (and widened by migrations only with new names).
  scopes: k.scopes as Scope[],
  created_at: k.createdAt.toISOString(),
  last_used_at: k.lastUsedAt?.toISOString() ?? null,
  revoked_at: k.revokedAt?.toISOString() ?? null,
});

/** Never the key or its hash: only what tells keys apart. */
export async function listApiKeys(workspaceId: string) {
  const rows = await db.apiKey.findMany({ where: { workspaceId }, orderBy: { createdAt: "desc" } });
  return rows.map(keyView);
}

/** Revoked keys stop working at once (every request looks the key up). */
export async function revokeApiKey(workspaceId: string, id: string) {
  const { count } = await db.apiKey.updateMany({ where: { id, workspaceId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) {
    const exists = await db.apiKey.findFirst({ where: { id, workspaceId }, select: { id: true } });
    if (!exists) return null;
  }
  return keyView(await db.apiKey.findUniqueOrThrow({ where: { id } }));
}
