// Webhook (endpoint) CRUD, always within one workspace: another workspace's id
// is simply not found.
import { db, Prisma } from "../db";
import { policySchema, readPolicy, type EndpointPolicy } from "../validation/endpoint-policy";
import { newId } from "../ids";
import { ApiError, notFound } from "../api/errors";
import { urlProblem } from "../delivery/ssrf";
import { encryptSecret } from "../crypto/secret-box";
import { generateSecret } from "../signing/standard-webhooks";
import { withinQuota } from "../quotas";
import type { Webhook, WebhookCreateInput, WebhookUpdateInput } from "../validation/webhook";
import { toWebhook, EMPTY_STATS } from "./serialize";
import { endpointStats } from "./stats";
import { afterStatusChange } from "./status-change";
import { openCustomHeaders, sealCustomHeaders, unmaskCustomHeaders } from "./custom-headers";

const endpointSelect = {
  id: true,
  url: true,
  description: true,
  eventTypes: true,
  status: true,
  policy: true,
  customHeadersEncrypted: true,
  createdAt: true,
  updatedAt: true,
  consecutiveFailures: true,
  failingSince: true,
  circuitOpenUntil: true,
  lastSuccessAt: true,
  lastFailureAt: true,
  disabledAt: true,
  disabledReason: true,
} as const;

const POLICY_KEYS = Object.keys(policySchema.shape) as (keyof EndpointPolicy)[];

/**
 * The policy fields named in `input` replace the stored ones; null removes one.
 * Custom headers are never kept here (see sealedHeaders), a row saved before
 * they were encrypted loses its plaintext copy on this write.
 */
function mergePolicy(stored: unknown, input: Partial<Record<keyof EndpointPolicy, unknown>>): Prisma.InputJsonObject {
  const merged: Record<string, unknown> = { ...readPolicy(stored) };
  for (const key of POLICY_KEYS) {
    if (!(key in input) || input[key] === undefined) continue;
    if (input[key] === null) delete merged[key];
    else merged[key] = input[key];
  }
  delete merged.custom_headers;
  return merged as Prisma.InputJsonObject;
}

/**
 * Endpoint.customHeadersEncrypted after a write: `input` replaces the stored
 * headers ("***" keeps a stored value), null removes them; absent keeps them
 * (undefined: column untouched), moving a pre-encryption plaintext copy in.
 */
function sealedHeaders(existing: { customHeadersEncrypted: string | null; policy: unknown } | null, input: EndpointPolicy["custom_headers"]) {
  const legacy = existing ? readPolicy(existing.policy).custom_headers : undefined;
  const stored = () => openCustomHeaders(existing?.customHeadersEncrypted, legacy);
  if (input === undefined) return legacy && !existing?.customHeadersEncrypted ? sealCustomHeaders(legacy) : undefined;
  return sealCustomHeaders(input === null ? {} : unmaskCustomHeaders(input, stored));
}

/** Creates the endpoint; the response is the only one that shows the secret in full. */
export async function createWebhook(workspaceId: string, input: WebhookCreateInput): Promise<Webhook> {
  checkDestination(input.url);
  const secret = input.secret ?? generateSecret();
  const row = await withinQuota(
    "MAX_WEBHOOKS_PER_WORKSPACE",
    workspaceId,
    (tx) => tx.endpoint.count({ where: { workspaceId, kind: "webhook" } }),
    (tx) =>
      tx.endpoint.create({
        data: {
          id: newId("wh"),
          workspaceId,
          url: input.url,
          description: input.description ?? "",
          eventTypes: dedupe(input.events),
          status: input.status ?? "active",
          secretEncrypted: encryptSecret(secret),
          policy: mergePolicy({}, input),
          customHeadersEncrypted: sealedHeaders(null, input.custom_headers),
          disabledAt: input.status === "disabled" ? new Date() : null,
        },
        select: endpointSelect,
      }),
  );
  return toWebhook(row, EMPTY_STATS, secret);
}

export async function listWebhooks(workspaceId: string): Promise<Webhook[]> {
  const rows = await db.endpoint.findMany({
    where: { workspaceId, kind: "webhook" },
    orderBy: { createdAt: "desc" },
    select: endpointSelect,
  });
  const stats = await endpointStats(workspaceId, rows.map((r) => r.id));
  return rows.map((r) => toWebhook(r, stats.get(r.id) ?? EMPTY_STATS));
}

export async function getWebhook(workspaceId: string, id: string): Promise<Webhook> {
  const row = await db.endpoint.findFirst({ where: { id, workspaceId, kind: "webhook" }, select: endpointSelect });
  if (!row) throw notFound("Webhook");
  const stats = await endpointStats(workspaceId, [id]);
  return toWebhook(row, stats.get(id) ?? EMPTY_STATS);
}

export async function updateWebhook(workspaceId: string, id: string, input: WebhookUpdateInput): Promise<Webhook> {
  if (input.url !== undefined) checkDestination(input.url);
  const existing = await db.endpoint.findFirst({ where: { id, workspaceId, kind: "webhook" }, select: { status: true, policy: true, customHeadersEncrypted: true, circuitOpenUntil: true } });
  if (!existing) throw notFound("Webhook");
  const statusChange = input.status && input.status !== existing.status ? input.status : undefined;
  await db.endpoint.update({
    where: { id },
    data: {
      url: input.url,
      description: input.description,
      eventTypes: input.events ? dedupe(input.events) : undefined,
      status: input.status,
      policy: mergePolicy(existing.policy, input),
      customHeadersEncrypted: sealedHeaders(existing, input.custom_headers),
      ...(statusChange === "disabled" ? { disabledAt: new Date(), disabledReason: "disabled by user" } : {}),
      // Enabled again: a clean slate, so the first failure does not re-open the circuit or disable it.
      ...(statusChange === "active"
        ? { disabledAt: null, disabledReason: null, consecutiveFailures: 0, failingSince: null, circuitOpenUntil: null }
        : {}),
    },
  });
  if (statusChange) await afterStatusChange(workspaceId, id, statusChange, existing.circuitOpenUntil);
  return getWebhook(workspaceId, id);
}

export async function deleteWebhook(workspaceId: string, id: string): Promise<void> {
  const { count } = await db.endpoint.deleteMany({ where: { id, workspaceId, kind: "webhook" } });
  if (count === 0) throw notFound("Webhook");
}

const dedupe = (xs: string[]) => [...new Set(xs)];

/** SSRF guard at save time (server env decides, so not in the zod schema the UI shares): 422 on `url`. */
function checkDestination(url: string) {
  const problem = urlProblem(url);
  if (problem) throw new ApiError("validation_failed", `url: ${problem}`, [{ path: "url", message: problem }]);
}
