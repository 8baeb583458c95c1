// Every setting the app, the worker and the scripts read, parsed once.
// .env.example documents each of them.
import { z } from "zod";

const seconds = (min: number, max: number, fallback: number) =>
  z.coerce.number().min(min).max(max).default(fallback);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().default("postgresql://postgres@127.0.0.1:5432/hookrelay"),
  REDIS_URL: z.string().default("redis://127.0.0.1:6379"),
  APP_URL: z.string().default("http://localhost:3000"),
  // 32 bytes, base64: encrypts endpoint signing secrets at rest.
  ENCRYPTION_KEY: z.string().optional(),
  // Prefix for BullMQ keys, so several installs (or the test run) can share one Redis.
  QUEUE_PREFIX: z.string().default("hookrelay"),
  WEBHOOK_TIMEOUT_SEC: seconds(1, 60, 15),
  WEBHOOK_MAX_RETRIES: z.coerce.number().int().min(1).max(10).optional(),
  // Comma-separated delays between attempts, e.g. "0,5s,5m,30m,2h,5h,10h,10h".
  DELIVERY_RETRY_SCHEDULE: z.string().default("0,5s,5m,30m,2h,5h,10h,10h"),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(64),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = z.infer<typeof schema>;

let cached: Config | undefined;

export function config(): Config {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid configuration: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}
