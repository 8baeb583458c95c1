// One complete HookRelay on private instances for a fault scenario: its own
// PostgreSQL and Redis (tests/helpers/private-services.ts), the migrated
// database seeded with an API key, the web server and the delivery worker(s).
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import { PrivateServices, type AppProcess, type PrivatePostgres, type PrivateRedis } from "../helpers/private-services";

const ROOT = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");

export interface StackOptions {
  /** Redis with an append-only file (survives a restart), default off. */
  redisPersistence?: boolean;
  /** Delivery worker processes, default 1. */
  workers?: number;
  /** Extra environment for every process (timings, for instance). */
  env?: Record<string, string>;
}

export interface FaultStack {
  services: PrivateServices;
  pg: PrivatePostgres;
  redis: PrivateRedis;
  web: AppProcess;
  workers: AppProcess[];
  baseUrl: string;
  apiKey: string;
  /** Starts one more worker and waits until it runs. */
  addWorker(): Promise<AppProcess>;
  close(): Promise<void>;
}

/** The settings every process of a stack shares, on top of `extra`. */
function stackEnv(pgUrl: string, redisUrl: string, extra: Record<string, string>): Record<string, string> {
  return {
    DATABASE_URL: pgUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: `hookrelay-faults-${randomBytes(3).toString("hex")}`,
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    DEMO_API_KEY: `hr_${randomBytes(32).toString("base64url")}`,
    // Only the loopback receivers of the suite are reachable.
    ALLOWED_DESTINATION_CIDRS: "127.0.0.0/8",
    // The load driver is one API key at 200 events/s: well above the default per-key limit.
    API_RATE_LIMIT_PER_MIN: "1000000",
    API_RATE_LIMIT_PER_IP_PER_MIN: "1000000",
    // Production defaults for what the faults exercise; `npm test`'s short test values
    // (inherited from its environment) must not leak in.
    DELIVERY_RETRY_SCHEDULE: "0,5s,5m,30m,2h,5h,10h,10h",
    WEBHOOK_TIMEOUT_SEC: "15",
    CIRCUIT_FAILURE_THRESHOLD: "10",
    CIRCUIT_OPEN_SEC: "60",
    AUTO_DISABLE_AFTER_SEC: "432000",
    SMTP_URL: "",
    DEMO_RECEIVER: "off",
    ...extra,
  };
}

export async function startStack(options: StackOptions = {}): Promise<FaultStack> {
  const services = new PrivateServices();
  try {
    const [pg, redis] = await Promise.all([services.postgres(), services.redis({ persistence: options.redisPersistence ?? false })]);
    const env = stackEnv(pg.url, redis.url, options.env ?? {});
    await seed(env);
    const web = services.app("web", env);
    const workers = Array.from({ length: options.workers ?? 1 }, () => services.app("worker", env));
    await Promise.all([web.ready(), ...workers.map((w) => w.ready())]);
    return {
      services,
      pg,
      redis,
      web,
      workers,
      baseUrl: web.baseUrl!,
      apiKey: env.DEMO_API_KEY,
      async addWorker() {
        const w = services.app("worker", env);
        workers.push(w);
        await w.ready();
        return w;
      },
      close: () => services.cleanup(),
    };
  } catch (err) {
    await services.cleanup();
    throw err;
  }
}

/** prisma/seed.ts: a workspace and the API key DEMO_API_KEY, in the stack's database. */
function seed(env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "prisma/seed.ts"], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`seeding the private database failed (${code}): ${out.slice(-2000)}`));
    });
  });
}
