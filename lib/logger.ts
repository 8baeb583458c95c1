import pino from "pino";
import { config } from "./config";

// Secrets can reach log lines through headers or objects; pino removes these
// paths (one and two levels deep, where request and error objects put them).
export const REDACT_PATHS = [
  "secret",
  "*.secret",
  "*.*.secret",
  "password",
  "*.password",
  "token",
  "*.token",
  "apiKey",
  "*.apiKey",
  "secretEncrypted",
  "*.secretEncrypted",
  "*.previousSecretEncrypted",
  "*.callbackSecretEncrypted",
  // Custom header values are usually the receiver's credentials (lib/webhooks/custom-headers.ts).
  "custom_headers",
  "*.custom_headers",
  "*.*.custom_headers",
  "customHeadersEncrypted",
  "*.customHeadersEncrypted",
  "authorization",
  "*.authorization",
  "*.headers.authorization",
  "*.headers.cookie",
  "*.headers.Authorization",
];

export function createLogger(destination?: pino.DestinationStream) {
  return pino({ level: config().LOG_LEVEL, redact: { paths: REDACT_PATHS, censor: "[redacted]" } }, destination);
}

export const logger = createLogger();
