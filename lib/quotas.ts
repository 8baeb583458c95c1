// Quotas: how many of each thing a workspace (or a user) may create, so one
// tenant cannot grow the tables every request of every tenant reads. The
// limits are settings (lib/config.ts); over one, the API answers 422
// quota_exceeded naming the quota and its setting.
import { db, Prisma } from "./db";
import { config, type Config } from "./config";
import { ApiError } from "./api/errors";

const QUOTAS = {
  MAX_WEBHOOKS_PER_WORKSPACE: "webhooks in this workspace",
  MAX_API_KEYS_PER_WORKSPACE: "active API keys in this workspace",
  MAX_EVENT_TYPES_PER_WORKSPACE: "custom event types in this workspace",
  MAX_CALLBACK_ENDPOINTS_PER_WORKSPACE: "distinct callback URLs (webhook_url) in this workspace",
  MAX_WORKSPACES_PER_USER: "workspaces owned by one user",
} satisfies Partial<Record<keyof Config, string>>;
export type Quota = keyof typeof QUOTAS;

/**
 * Counts and creates in one transaction that holds a lock on (quota, owner):
 * two concurrent creations cannot both see room for one more. Only creations
 * under the same quota and owner wait for each other.
 */
export async function withinQuota<T>(
  quota: Quota,
  ownerId: string,
  count: (tx: Prisma.TransactionClient) => Promise<number>,
  create: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  const limit = config()[quota];
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${quota}:${ownerId}`}))`;
    if ((await count(tx)) >= limit) {
      const message = `Quota exceeded: at most ${limit} ${QUOTAS[quota]} (setting ${quota}); delete some or raise the setting`;
      throw new ApiError("quota_exceeded", message, [{ path: quota, message: `at most ${limit}` }]);
    }
    return create(tx);
  });
}
