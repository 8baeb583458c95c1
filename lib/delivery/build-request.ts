// The exact request one attempt sends: envelope body, signature headers (with
// both secrets during a rotation), the endpoint's custom headers.
import { decryptSecret } from "../crypto/secret-box";
import { resolveSignature, signatureHeaders } from "../signing/sign-request";
import type { ClaimedDelivery } from "./claim";
import { buildEnvelope } from "./envelope";
import { isProtectedHeader } from "../validation/endpoint-policy";

export const USER_AGENT = "HookRelay/0.1 (+webhook delivery)";

export interface OutgoingRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
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

export function buildRequest(d: ClaimedDelivery, attempt: number, now = new Date(), body?: string): OutgoingRequest {
  const payload =
    body ??
    buildEnvelope({
      eventId: d.event.id,
      type: d.event.type,
      createdAt: d.event.createdAt,
      payload: d.event.payload,
      attempt,
      endpointId: d.endpoint.id,
    });
  const custom = Object.fromEntries(
    Object.entries(d.endpoint.policy.custom_headers ?? {}).filter(([k]) => !isProtectedHeader(k)),
  );
  const headers = {
    ...custom,
    "content-type": "application/json",
    "user-agent": USER_AGENT,
    ...signatureHeaders(resolveSignature(d.endpoint.policy.signature), {
      secrets: signingSecrets(d, now),
      msgId: d.event.id,
      eventType: d.event.type,
      body: payload,
      now,
    }),
  };
  return { url: d.endpoint.url, headers, body: payload };
}
