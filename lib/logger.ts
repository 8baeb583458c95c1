import pino from "pino";
import { config } from "./config";

// Secrets can reach log lines through headers or objects; pino removes these paths.
export const logger = pino({
  level: config().LOG_LEVEL,
  redact: ["*.secret", "*.authorization", "*.headers.authorization", "*.apiKey", "secret"],
});
