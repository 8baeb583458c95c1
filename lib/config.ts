// The settings of the app and its worker processes, read from the environment
// and validated once, on first use (scripts/*.mjs read their own before the app exists).
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
  // The web server (server.ts). It listens on loopback unless HOST says otherwise, so a
  // fresh install with open sign-up is not reachable from the network by accident.
  // The SSRF guard refuses PORT on this machine's addresses (lib/delivery/self-destination.ts).
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  HOST: z.string().trim().min(1).default("127.0.0.1"),
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
  // Exact URLs (matched on origin + path) webhooks may reach whatever the guard's other rules
  // say: npm start's demo receiver, instead of opening all of loopback to every account.
  ALLOWED_DESTINATION_URLS: z
    .string()
    .default("")
    .refine(
      (v) => v.split(",").map((s) => s.trim()).filter(Boolean).every((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol)),
      "must be comma-separated absolute http(s) URLs, e.g. http://127.0.0.1:3000/api/demo/receiver",
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
  // Live feed (lib/realtime): patterns one connection may subscribe to, and how often open
  // connections re-check their credentials (API key revoked, member removed, session ended).
  LIVE_MAX_PATTERNS: z.coerce.number().int().min(1).max(1000).default(50),
  LIVE_RECHECK_SEC: seconds(1, 30, 10),
  // Reverse proxies (comma-separated CIDRs or addresses) whose X-Forwarded-For is believed
  // (lib/auth/client-address.ts). Default: none, so the socket's address is the client's.
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .refine(
      (v) => v.split(",").map((s) => s.trim()).filter(Boolean).every((s) => ipaddr.isValidCIDR(s) || isIP(s) !== 0),
      "must be comma-separated CIDRs or addresses, e.g. 10.0.0.0/8,192.0.2.7",
    ),
  // Who may create an account (lib/auth/account-policy.ts): open; closed (nobody, so
  // invitations reach only people who already have an account); invite (only with a
  // pending invitation, signing up with the invited email).
  SIGNUP: z.enum(["open", "closed", "invite"]).default("open"),
  // auto: verification required when SMTP_URL is set, off otherwise; required; optional
  // (the link is sent, sign-in doesn't wait for it); off. lib/auth/account-policy.ts.
  EMAIL_VERIFICATION: z.enum(["auto", "required", "optional", "off"]).default("auto"),
  // Hard caps on request bodies, counted by server.ts as the bytes arrive (lib/http/body-limit.ts):
  // better-auth's /api/auth/* take small JSON; every other route at most REQUEST_BODY_MAX_BYTES
  // (POST /api/v1/events/batch: its own 8 MB). Routes refuse smaller bodies with their own limits.
  REQUEST_BODY_MAX_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  AUTH_BODY_MAX_BYTES: z.coerce.number().int().min(1024).default(64 * 1024),
  // Longest a custom event-type schema may take to compile (when saved) or to validate one
  // request's payloads (at ingest) on the schema worker thread (lib/catalog/schema-runner.ts).
  SCHEMA_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(2000),
  // Quotas (lib/quotas.ts): past one, creating answers 422 quota_exceeded naming the setting.
  MAX_WEBHOOKS_PER_WORKSPACE: z.coerce.number().int().min(1).default(100),
  MAX_API_KEYS_PER_WORKSPACE: z.coerce.number().int().min(1).default(50),
  MAX_EVENT_TYPES_PER_WORKSPACE: z.coerce.number().int().min(1).default(200),
  // Hidden endpoints created for distinct per-request callback URLs (webhook_url).
  MAX_CALLBACK_ENDPOINTS_PER_WORKSPACE: z.coerce.number().int().min(1).default(1000),
  // Workspaces one user owns, the one made at sign-up included.
  MAX_WORKSPACES_PER_USER: z.coerce.number().int().min(1).default(10),
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
