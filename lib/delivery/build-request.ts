// The exact request one attempt sends: envelope body, signature headers (with
// both secrets during a rotation), the endpoint's custom headers.
import { decryptSecret } from "../crypto/secret-box";
import { resolveSignature, signatureHeaders } from "../signing/sign-request";
import type { ClaimedDelivery } from "./claim";
import { buildEnvelope } from "./envelope";
import { isProtectedHeader } from "../validation/endpoint-policy";
import { maskHeaders, openCustomHeaders } from "../webhooks/custom-headers";

// Ingest refuses requests whose User-Agent starts with this product name (lib/events/loop-guard.ts).
export const USER_AGENT_PRODUCT = "HookRelay";
export const USER_AGENT = `${USER_AGENT_PRODUCT}/0.1 (+webhook delivery)`;

export interface OutgoingRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Custom headers: their values are the receiver's credentials, masked wherever the request is stored or shown. */
  secretHeaders: string[];
}

/** The request's headers as attempts store them and answers show them. */
export function loggedHeaders(request: OutgoingRequest): Record<string, string> {
  return maskHeaders(request.headers, request.secretHeaders);
}

/** Secrets that sign now: the current one, plus the previous one during its grace period. */
export function signingSecrets(d: ClaimedDelivery, now: Date): string[] {
  const { endpoint } = d;
  if (endpoint.kind === "callback" && d.callbackSecretEncrypted) return [decryptSecret(d.callbackSecretEncrypted)];
  const secrets = [decryptSecret(endpoint.secretEncrypted)];
  if (endpoint.previousSecretEncrypted && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) {
    secrets.push(decryptSecret(endpoint.previousSecretEncrypted));
  }
  return secrets;
}

/** `body`/`msgId` replace the single envelope and the event id (batch mode). */
export function buildRequest(
  d: ClaimedDelivery,
  attempt: number,
  now = new Date(),
  { body, msgId }: { body?: string; msgId?: string } = {},
): OutgoingRequest {
  const payload =
    body ??
    buildEnvelope({
      eventId: d.event.id,
      type: d.event.type,
      createdAt: d.event.createdAt,
      payload: d.event.payload,
      attempt,
      endpointId: d.endpoint.id,
      requestId: d.endpoint.kind === "callback" ? requestIdOf(d.event.payload) : undefined,
    });
  // Checked again: a row saved before a header became protected must not override ours.
  const custom = Object.fromEntries(
    Object.entries(openCustomHeaders(d.endpoint.customHeadersEncrypted, d.endpoint.policy.custom_headers)).filter(([k]) => !isProtectedHeader(k)),
  );
  const headers = {
    ...custom,
    "content-type": "application/json",
    "user-agent": USER_AGENT,
    ...signatureHeaders(resolveSignature(d.endpoint.policy.signature ?? undefined), {
      secrets: signingSecrets(d, now),
      msgId: msgId ?? d.event.id,
      eventType: d.event.type,
      body: payload,
      now,
    }),
  };
  return { url: d.endpoint.url, headers, body: payload, secretHeaders: Object.keys(custom) };
}

function requestIdOf(payload: unknown): string | undefined {
  const v = (payload as Record<string, unknown> | null)?.request_id;
  return typeof v === "string" ? v : undefined;
}
