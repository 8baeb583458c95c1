// Every setting the app, the worker and the scripts read, parsed once.
// .env.example documents each of them.
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
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
  // API requests per minute per API key (or signed-in user), and per client IP.
  API_RATE_LIMIT_PER_MIN: z.coerce.number().int().min(1).default(6000),
  API_RATE_LIMIT_PER_IP_PER_MIN: z.coerce.number().int().min(1).default(12000),
  // Failed deliveries (the dead-letter list) are deleted after this many days.
  DEAD_LETTER_RETENTION_DAYS: z.coerce.number().min(1).max(3650).default(30),
  // Deliveries in flight per worker process. Most of them wait on receivers and on the batched
  // claims and attempt writes, and more in flight make bigger batches: `npm run bench` on 2 cores
  // measured ~1,900 deliveries/s at 200 and 2,650–2,800/s anywhere from 400 to 1,000.
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(500),
  // Requests in flight to one endpoint at once, across all workers (lib/delivery/in-flight.ts),
  // unless the endpoint sets its own `max_in_flight`. Default: 10 % of WORKER_CONCURRENCY, so
  // a hanging endpoint holds at most that share of a worker's slots; its other deliveries wait.
  ENDPOINT_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(1000).optional(),
  // PostgreSQL connections per process (web server, each worker).
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // SSRF guard (lib/delivery/ssrf.ts): comma-separated CIDRs that webhooks may reach even
  // though they are internal (loopback, private…), for development and tests. Default: none.
  ALLOWED_DESTINATION_CIDRS: z
    .string()
    .default("")
    .refine(
      (v) => v.split(",").map((s) => s.trim()).filter(Boolean).every((s) => ipaddr.isValidCIDR(s) || isIP(s) !== 0),
      "must be comma-separated CIDRs, e.g. 127.0.0.0/8,::1/128",
    ),
  // In production plain http may only reach ALLOWED_DESTINATION_CIDRS unless this is true.
  ALLOW_HTTP_DESTINATIONS: z.stringbool().default(false),
  // Endpoint health (lib/delivery/endpoint-health.ts). Consecutive failures that open the
  // circuit breaker: the endpoint's deliveries are then held (not dropped) and one probe
  // is let through every CIRCUIT_OPEN_SEC until one succeeds.
  CIRCUIT_FAILURE_THRESHOLD: z.coerce.number().int().min(1).max(100_000).default(10),
  CIRCUIT_OPEN_SEC: seconds(0.1, 86_400, 60),
  // An endpoint failing without a success for this long (and failing hard: at least
  // CIRCUIT_FAILURE_THRESHOLD failures in a row) is disabled. 0 = never. Default 5 days.
  AUTO_DISABLE_AFTER_SEC: seconds(0, 365 * 86_400, 5 * 86_400),
  // Email notifications (lib/notifications): smtp(s)://user:pass@host:port. Unset: not sent (logged).
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("HookRelay <hookrelay@localhost>"),
  // At most one "delivery failed" email per endpoint in this many seconds (0 = one per delivery).
  NOTIFY_EXHAUSTED_EMAIL_INTERVAL_SEC: seconds(0, 7 * 86_400, 3600),
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

/** The in-flight limit of an endpoint without its own `max_in_flight` (lib/delivery/in-flight.ts). */
export function defaultMaxInFlight(cfg: Config = config()): number {
  return cfg.ENDPOINT_MAX_IN_FLIGHT ?? Math.max(1, Math.floor(cfg.WORKER_CONCURRENCY / 10));
}
