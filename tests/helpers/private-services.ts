// Private PostgreSQL and Redis instances for fault tests (own data directory,
// own port, never the machine's 5432/6379), the project's migrations applied to
// them, and the project's web server and worker spawned against them as
// processes that can be SIGKILLed and started again.
//
//   const services = new PrivateServices();          // one per test file
//   after(() => services.cleanup());                 // everything, even on failure
//   const pg = await services.postgres();            // pg.url: migrated database "hookrelay"
//   const redis = await services.redis({ persistence: false });
//   const worker = services.app("worker", { DATABASE_URL: pg.url, REDIS_URL: redis.url });
//   await pg.downFor(15_000);                        // pg_ctl stop -m immediate, wait, start
//   worker.kill(); await worker.restart();
//
// PostgreSQL refuses to run as root: when the tests run as root, its commands
// run as the "postgres" user (runuser) on a data directory that user owns.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import pg from "pg";
// @ts-expect-error plain ESM helper without types
import { applyMigrations } from "../../scripts/lib/migrate.mjs";

const ROOT = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");
const STEP_TIMEOUT_MS = 30_000;

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` (an error counts as "not yet") until true; `fatal` names a reason to stop waiting at once. */
async function until(check: () => Promise<boolean>, timeoutMs: number, what: string, fatal: () => string | undefined = () => undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    const reason = fatal();
    if (reason) throw new Error(`${what}: ${reason}`);
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await sleep(100);
  }
}

function pgBinDir(): string {
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(base, v, "bin", "pg_ctl"))) return join(base, v, "bin");
  throw new Error(`no PostgreSQL binaries under ${base}/*/bin`);
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL program to completion (as "postgres" when we are root). */
function runPg(program: string, args: string[], timeoutMs = STEP_TIMEOUT_MS): void {
  const bin = join(pgBinDir(), program);
  const [cmd, argv] = isRoot() ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  const res = spawnSync(cmd, argv, { encoding: "utf8", timeout: timeoutMs });
  if (res.status !== 0) {
    throw new Error(`${program} ${args.join(" ")} failed (${res.error?.message ?? `exit ${res.status}`}): ${(res.stderr || res.stdout || "").slice(-2000)}`);
  }
}

export interface PrivatePostgres {
  port: number;
  /** The migrated database's URL. */
  url: string;
  /** A URL for another database on the same server. */
  urlFor(database: string): string;
  /** Immediate shutdown (no checkpoint, connections cut, like a crash); idempotent. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Down for `ms`, then up again and accepting connections. */
  downFor(ms: number): Promise<void>;
  isUp(): Promise<boolean>;
  /** Creates a database (server's zone) with the project's migrations applied; returns its URL. */
  createDatabase(name: string): Promise<string>;
  destroy(): Promise<void>;
}

export interface PrivateRedis {
  port: number;
  url: string;
  persistence: boolean;
  /** SHUTDOWN NOSAVE (persistence off: the data is gone, as after a restart without persistence). */
  stop(): Promise<void>;
  /** SIGKILL: with persistence on, what the append-only file already holds survives. */
  kill(): Promise<void>;
  start(): Promise<void>;
  downFor(ms: number, how?: "stop" | "kill"): Promise<void>;
  flushAll(): Promise<void>;
  isUp(): Promise<boolean>;
  destroy(): Promise<void>;
}

export interface AppProcess {
  kind: "web" | "worker";
  child: ChildProcess;
  /** The web server's base URL (web only). */
  baseUrl?: string;
  /** Resolves once the web answers /api/health, or the worker logged that it started. */
  ready(timeoutMs?: number): Promise<void>;
  /** SIGKILL (default) or SIGTERM; resolves when the process is gone. */
  kill(signal?: NodeJS.Signals, timeoutMs?: number): Promise<void>;
  /** A fresh process with the same env (the old one is killed first if still running). */
  restart(): Promise<void>;
  /** The process's output so far (for assertions and failure messages). */
  output(): string;
}

export interface PrivatePostgresOptions {
  /** Server time zone; default America/New_York (not UTC, as on a server in its users' zone). */
  timezone?: string;
  /** Database created and migrated at start; default "hookrelay". */
  database?: string;
}

export interface PrivateRedisOptions {
  /** appendonly yes (appendfsync always) when true; default false (no persistence at all). */
  persistence?: boolean;
}

/** One per test file: everything it starts is stopped and deleted by cleanup(). */
export class PrivateServices {
  private cleanups: Array<() => Promise<void>> = [];

  async postgres(options: PrivatePostgresOptions = {}): Promise<PrivatePostgres> {
    const dir = mkdtempSync(join(tmpdir(), "hookrelay-pg-"));
    this.cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const data = join(dir, "data");
    if (isRoot()) {
      chmodSync(dir, 0o755);
      const u = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
      const g = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
      chownSync(dir, Number(u.stdout.trim()), Number(g.stdout.trim()));
    }
    runPg("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--no-locale"], 120_000);
    const port = await freePort();
    const tz = options.timezone ?? "America/New_York";
    const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 -c TimeZone=${tz}`;
    const urlFor = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
    let up = false;
    const isUp = async () => {
      const c = new pg.Client({ connectionString: urlFor("postgres"), connectionTimeoutMillis: 1000 });
      c.on("error", () => {});
      try {
        await c.connect();
        await c.query("SELECT 1");
        return true;
      } catch {
        return false;
      } finally {
        await c.end().catch(() => {});
      }
    };
    const start = async () => {
      runPg("pg_ctl", ["-D", data, "-o", opts, "-l", join(dir, "log"), "-w", "-t", "30", "start"], 45_000);
      up = true;
      await until(isUp, STEP_TIMEOUT_MS, `private PostgreSQL on port ${port} did not accept connections`);
    };
    const stop = async () => {
      if (!up && !existsSync(join(data, "postmaster.pid"))) return;
      runPg("pg_ctl", ["-D", data, "-m", "immediate", "-w", "-t", "30", "stop"], 45_000);
      up = false;
    };
    await start();
    this.cleanups.push(async () => {
      if (existsSync(join(data, "postmaster.pid"))) await stop().catch(() => {});
    });
    const createDatabase = async (name: string) => {
      const c = new pg.Client({ connectionString: urlFor("postgres"), connectionTimeoutMillis: 5000 });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      } finally {
        await c.end();
      }
      const url = urlFor(name);
      await applyMigrations(url, join(ROOT, "prisma", "migrations"));
      return url;
    };
    const url = await createDatabase(options.database ?? "hookrelay");
    return {
      port,
      url,
      urlFor,
      stop,
      start,
      isUp,
      createDatabase,
      downFor: async (ms) => {
        await stop();
        await sleep(ms);
        await start();
      },
      destroy: async () => {
        await stop().catch(() => {});
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  async redis(options: PrivateRedisOptions = {}): Promise<PrivateRedis> {
    const dir = mkdtempSync(join(tmpdir(), "hookrelay-redis-"));
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    const persistence = options.persistence ?? false;
    const args = ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--daemonize", "no", "--protected-mode", "no"];
    args.push(...(persistence ? ["--appendonly", "yes", "--appendfsync", "always"] : ["--appendonly", "no"]));
    let child: ChildProcess | undefined;
    const client = () => new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, connectTimeout: 1000, retryStrategy: () => null });
    const command = async <T>(fn: (r: Redis) => Promise<T>): Promise<T> => {
      const r = client();
      r.on("error", () => {});
      try {
        await r.connect();
        return await fn(r);
      } finally {
        r.disconnect();
      }
    };
    const isUp = () => command((r) => r.ping()).then((p) => p === "PONG", () => false);
    const gone = (c: ChildProcess, timeoutMs: number) =>
      c.exitCode !== null || c.signalCode !== null
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            const t = setTimeout(() => reject(new Error(`private Redis did not exit within ${timeoutMs} ms`)), timeoutMs);
            c.once("exit", () => {
              clearTimeout(t);
              resolve();
            });
          });
    const start = async () => {
      if (child && child.exitCode === null && child.signalCode === null) return;
      let log = "";
      child = spawn("redis-server", args, { stdio: ["ignore", "pipe", "pipe"] });
      child.stdout!.on("data", (c) => (log = (log + c).slice(-4000)));
      child.stderr!.on("data", (c) => (log = (log + c).slice(-4000)));
      const c = child;
      await until(isUp, STEP_TIMEOUT_MS, `private Redis on port ${port} did not answer PING`, () =>
        c.exitCode !== null ? `redis-server exited: ${log}` : undefined,
      );
    };
    const kill = async () => {
      if (!child) return;
      child.kill("SIGKILL");
      await gone(child, 10_000);
    };
    const stop = async () => {
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      await command((r) => r.call("SHUTDOWN", "NOSAVE")).catch(() => {}); // the connection closes as it exits
      await gone(child, 10_000).catch(kill);
    };
    await start();
    this.cleanups.push(async () => {
      await kill().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    });
    return {
      port,
      url,
      persistence,
      stop,
      kill,
      start,
      isUp,
      downFor: async (ms, how = "stop") => {
        await (how === "kill" ? kill() : stop());
        await sleep(ms);
        await start();
      },
      flushAll: () => command((r) => r.flushall()).then(() => {}),
      destroy: async () => {
        await kill();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  /**
   * The project's web server (`server.ts` on the production build in .next-test that
   * `npm test` builds) or delivery worker, with the current environment plus `env`.
   * The web listens on env.PORT (a free port when not given).
   */
  app(kind: "web" | "worker", env: Record<string, string>): AppProcess {
    const fullEnv: Record<string, string> = {
      ...(process.env as Record<string, string>),
      NODE_ENV: "production",
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-test",
      NEXT_TELEMETRY_DISABLED: "1",
      // The worker says "delivery worker started" at info, which ready() waits for; it logs
      // nothing else at info per delivery. The web stays at warn (or the caller's level).
      LOG_LEVEL: kind === "worker" ? "info" : (process.env.LOG_LEVEL ?? "warn"),
      ...env,
    };
    const script = kind === "web" ? "server.ts" : "workers/delivery-worker.ts";
    let child!: ChildProcess;
    let out = "";
    let portReady: Promise<void> = Promise.resolve();
    const spawnIt = () => {
      child = spawn(process.execPath, ["--import", "tsx", script], { cwd: ROOT, env: fullEnv as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
      const keep = (c: Buffer) => {
        out = (out + c.toString("utf8")).slice(-200_000);
        if (process.env.PRIVATE_SERVICES_ECHO) process.stderr.write(`[${kind}] ${c}`);
      };
      child.stdout!.on("data", keep);
      child.stderr!.on("data", keep);
    };
    if (kind === "web" && !env.PORT) {
      portReady = freePort().then((p) => {
        fullEnv.PORT = String(p);
        fullEnv.APP_URL ??= `http://127.0.0.1:${p}`;
      });
    }
    const handle: AppProcess = {
      kind,
      get child() {
        return child;
      },
      get baseUrl() {
        return kind === "web" && fullEnv.PORT ? `http://127.0.0.1:${fullEnv.PORT}` : undefined;
      },
      output: () => out,
      ready: async (timeoutMs = 90_000) => {
        await portReady;
        await until(
          async () => {
            if (kind === "worker") return out.includes("delivery worker started");
            const res = await fetch(`http://127.0.0.1:${fullEnv.PORT}/api/health`, { signal: AbortSignal.timeout(2000) });
            await res.arrayBuffer();
            return res.status < 500;
          },
          timeoutMs,
          `${kind} was not ready`,
          () => (child.exitCode !== null || child.signalCode !== null ? `it exited (${child.exitCode ?? child.signalCode})` : undefined),
        ).catch((err) => {
          throw new Error(`${err.message}\n${out.slice(-3000)}`);
        });
      },
      kill: async (signal = "SIGKILL", timeoutMs = 20_000) => {
        const c = child;
        if (!c || c.exitCode !== null || c.signalCode !== null) return;
        await new Promise<void>((resolve, reject) => {
          const t = setTimeout(() => {
            c.kill("SIGKILL");
            reject(new Error(`${kind} did not exit within ${timeoutMs} ms after ${signal}`));
          }, timeoutMs);
          c.once("exit", () => {
            clearTimeout(t);
            resolve();
          });
          c.kill(signal);
        });
      },
      restart: async () => {
        await handle.kill("SIGKILL");
        spawnIt();
        await handle.ready();
      },
    };
    // The worker needs no port; the web's port is chosen before it spawns.
    if (kind === "web" && !env.PORT) {
      portReady = portReady.then(spawnIt);
    } else spawnIt();
    this.cleanups.push(() => handle.kill("SIGKILL").catch(() => {}));
    return handle;
  }

  /** Stops every process and instance this object started and deletes their files (newest first). */
  async cleanup(): Promise<void> {
    const errors: unknown[] = [];
    for (const fn of this.cleanups.reverse()) await fn().catch((e) => errors.push(e));
    this.cleanups = [];
    if (errors.length) console.error("private services cleanup:", errors);
  }
}

/** The build `npm test` made; fault tests that spawn the web server need it. */
export function hasTestBuild(): boolean {
  return existsSync(join(ROOT, process.env.NEXT_DIST_DIR ?? ".next-test", "BUILD_ID"));
}
