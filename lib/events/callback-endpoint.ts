// Per-request callback URLs (the downloads API's `webhook_url`): an event may name its
// own destination. Each distinct URL becomes a hidden `callback` endpoint of
// the workspace, so callbacks get the same retries, logging and replay as
// webhooks. They are signed with the workspace's callback secret, in the
// downloads API's format: X-Webhook-Signature: sha256=<hex of the raw body>.
import { db, Prisma } from "../db";
import { newId } from "../ids";
import { decryptSecret, encryptSecret } from "../crypto/secret-box";
import { generateSecret } from "../signing/standard-webhooks";
import { withinQuota } from "../quotas";
import type { EndpointPolicy } from "../validation/endpoint-policy";

export const CALLBACK_POLICY: EndpointPolicy = {
  signature: {
    preset: "sha256-prefixed-hex",
    header: "X-Webhook-Signature",
    timestamp_header: "X-Webhook-Timestamp",
    timestamp_unit: "s",
    event_header: "X-Webhook-Event",
  },
};

/** The workspace's callback secret, created on first use. */
export async function callbackSecret(workspaceId: string): Promise<string> {
  const ws = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { callbackSecretEncrypted: true } });
  if (ws.callbackSecretEncrypted) return decryptSecret(ws.callbackSecretEncrypted);
  const secret = generateSecret();
  // Two first uses at once: the first write wins, both read it back.
  await db.workspace.updateMany({
    where: { id: workspaceId, callbackSecretEncrypted: null },
    data: { callbackSecretEncrypted: encryptSecret(secret) },
  });
  return callbackSecret(workspaceId);
}

/**
 * The hidden endpoint of a callback URL, created on its first use. Distinct
 * URLs count against MAX_CALLBACK_ENDPOINTS_PER_WORKSPACE (a producer could
 * otherwise add a row to every fan-out query per event); the quota's lock also
 * keeps two first uses of one URL from creating it twice.
 */
export async function callbackEndpointId(workspaceId: string, url: string): Promise<string> {
  const where = { workspaceId, kind: "callback" as const, url };
  const existing = await db.endpoint.findFirst({ where, select: { id: true } });
  if (existing) return existing.id;
  await callbackSecret(workspaceId);
  return withinQuota(
    "MAX_CALLBACK_ENDPOINTS_PER_WORKSPACE",
    workspaceId,
    (tx) => tx.endpoint.count({ where: { workspaceId, kind: "callback" } }),
    async (tx) => {
      const created = (await tx.endpoint.findFirst({ where, select: { id: true } })) ??
        (await tx.endpoint.create({
          data: {
            id: newId("wh"),
            workspaceId,
            kind: "callback",
            url,
            description: "per-request callback URL",
            eventTypes: ["*"],
            // The workspace callback secret signs; this one is never used.
            secretEncrypted: encryptSecret(generateSecret()),
            policy: CALLBACK_POLICY as Prisma.InputJsonObject,
          },
          select: { id: true },
        }));
      return created.id;
    },
  );
}
