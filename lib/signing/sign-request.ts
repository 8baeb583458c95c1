// The signature headers of one request, per the endpoint's signature settings.
// Both schemes sign the exact body bytes that are sent.
import { createHmac } from "node:crypto";
import { SIGNATURE_PRESETS, type SignatureSettings } from "../validation/endpoint-policy";
import { standardWebhookHeaders } from "./standard-webhooks";

export interface ResolvedSignature {
  scheme: "standard" | "hmac";
  header: string;
  prefix: "sha256=" | "";
  encoding: "hex" | "base64";
  timestampHeader: string | null;
  timestampUnit: "s" | "ms";
  eventHeader: string | null;
}

/** Preset + overrides → the concrete format (defaults: Standard Webhooks). */
export function resolveSignature(settings?: SignatureSettings): ResolvedSignature {
  const preset = SIGNATURE_PRESETS[settings?.preset ?? "standard-webhooks"] as Record<string, string | undefined>;
  const pick = <K extends keyof SignatureSettings>(k: K) => (settings?.[k] !== undefined ? settings[k] : preset[k]);
  return {
    scheme: preset.scheme === "hmac" ? "hmac" : "standard",
    header: (pick("header") as string) ?? "X-Webhook-Signature",
    prefix: ((pick("prefix") as string) ?? "") as "sha256=" | "",
    encoding: ((pick("encoding") as string) ?? "hex") as "hex" | "base64",
    timestampHeader: (pick("timestamp_header") as string | null) ?? null,
    timestampUnit: ((pick("timestamp_unit") as string) ?? "s") as "s" | "ms",
    eventHeader: (pick("event_header") as string | null) ?? null,
  };
}

export interface SignInput {
  /** Newest first. During a rotation's grace period: [new, old]. */
  secrets: string[];
  msgId: string;
  eventType: string;
  body: string;
  now: Date;
}

/**
 * Standard Webhooks puts every secret's signature in one header. The single-
 * value HMAC formats cannot: their receivers compare one header with one
 * expected value, so whichever secret fills that header, a receiver holding
 * the other one fails. During a rotation the configured header therefore keeps
 * the OLD secret's signature until the grace period ends, and `<header>-New`
 * carries the new one. Why old and not new: a receiver that was not touched
 * (every compatible platform's example as written) keeps working for the whole grace period
 * and the switch happens at a time the user knows (previous_secret_expires_at),
 * instead of breaking at the moment of rotation — and a 401 is a permanent
 * failure, not retried. Receivers that accept either secret for the configured
 * header, or check `<header>-New` with the new one, never fail at all.
 */
export function signatureHeaders(format: ResolvedSignature, input: SignInput): Record<string, string> {
  const seconds = Math.floor(input.now.getTime() / 1000);
  if (format.scheme === "standard") return standardWebhookHeaders(input.secrets, input.msgId, seconds, input.body);

  const sign = (secret: string) =>
    format.prefix + createHmac("sha256", Buffer.from(secret, "utf8")).update(input.body).digest(format.encoding);
  const headers: Record<string, string> = {};
  const [newest, previous] = input.secrets;
  headers[format.header] = sign(previous ?? newest);
  if (previous) headers[`${format.header}-New`] = sign(newest);
  if (format.timestampHeader) {
    headers[format.timestampHeader] = String(format.timestampUnit === "ms" ? input.now.getTime() : seconds);
  }
  if (format.eventHeader) headers[format.eventHeader] = input.eventType;
  return headers;
}
