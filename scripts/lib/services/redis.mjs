// Redis for `npm start` / `npm test`: REDIS_URL when set (checked, never started
// or installed), otherwise 127.0.0.1:6379, started when down, installed with
// apt-get when absent and we are root. Checked with ioredis, the client the app uses.
import { mkdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { Redis, ReplyError } from "ioredis";
import { LOCAL_HOST, WAIT_MS, aptInstall, isPortOpen, isRoot, tryCommand, waitFor, which } from "./host.mjs";
import { redact } from "./urls.mjs";

const DEFAULT_PORT = 6379;

/** "host:port" of a redis:// URL, for messages; throws when it is no URL at all. */
export function redisAddress(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`not a valid redis:// URL: ${redact(url)}`);
  }
  return `${u.hostname.replace(/^\[(.*)\]$/, "$1") || LOCAL_HOST}:${u.port || DEFAULT_PORT}`;
}

/** What a failed PING at `address` means, as a message that says what to do. */
function redisProblem(err, address) {
  // A Redis error reply starts with its code: NOAUTH, WRONGPASS, ERR…
  if (err instanceof ReplyError) {
    if (err.message.startsWith("NOAUTH")) {
      return `Redis at ${address} requires a password (${err.message}); put it in REDIS_URL, e.g. redis://:password@${address}`;
    }
    if (err.message.startsWith("WRONGPASS")) return `Redis at ${address} rejected the credentials in REDIS_URL (${err.message})`;
    return `Redis at ${address} answered with an error: ${err.message}`;
  }
  return `${address}: ${err.code ?? err.message}`;
}

/**
 * Connects as the app will (AUTH, HELLO) and sends PING. Resolves when it
 * answers PONG; otherwise throws redisProblem's message.
 */
async function checkRedis(url, timeoutMs = 2000) {
  const address = redisAddress(url);
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  // connect() itself only rejects with "Connection is closed."; the cause comes as an event.
  let cause;
  redis.on("error", (err) => (cause ??= err));
  // connectTimeout covers the TCP connect only: a server that accepts and never answers is cut off here.
  const timer = setTimeout(() => {
    cause ??= new Error(`no answer within ${timeoutMs} ms`);
    redis.disconnect();
  }, timeoutMs);
  let reply;
  try {
    await redis.connect();
    reply = await redis.ping();
  } catch (err) {
    throw new Error(redisProblem(cause ?? err, address));
  } finally {
    clearTimeout(timer);
    redis.disconnect();
  }
  if (reply !== "PONG") throw new Error(`Redis at ${address} answered PING with ${JSON.stringify(reply)}`);
}

/**
 * Returns a REDIS_URL that works: process.env.REDIS_URL when set (checked,
 * never started or installed), otherwise Redis on 127.0.0.1:6379, started —
 * or installed, as root — when missing. `host`/`port` are for tests only.
 */
export async function ensureRedis({ log = () => {}, host = LOCAL_HOST, port = DEFAULT_PORT } = {}) {
  const given = process.env.REDIS_URL?.trim();
  if (given) {
    try {
      await checkRedis(given);
    } catch (err) {
      throw new Error(
        `REDIS_URL (${redact(given)}) is not usable: ${err.message}\n  Fix REDIS_URL or that server; ` +
          "nothing is started or installed when REDIS_URL is set — unset it to use a local Redis.",
      );
    }
    log(`Redis: using REDIS_URL (${redact(given)})`);
    return given;
  }

  const url = `redis://${host}:${port}`;
  if (!(await isPortOpen(host, port))) await startLocalRedis({ host, port, log });
  try {
    await checkRedis(url);
  } catch (err) {
    throw new Error(`${err.message}\n  Or set REDIS_URL to a Redis you can use.`);
  }
  log(`Redis: using ${url}`);
  return url;
}

/** Where a redis-server we start keeps its files: the Debian package's directories as root, else the home directory. */
export function redisFiles({ asRoot, home, port }) {
  const dataDir = asRoot ? "/var/lib/redis" : join(home, ".hookrelay", "redis");
  const logDir = asRoot ? "/var/log/redis" : dataDir;
  return { dataDir, logDir, logFile: join(logDir, port === DEFAULT_PORT ? "redis-server.log" : `redis-server-${port}.log`) };
}

/** redis-server's arguments: a daemon on host:port that keeps nothing on disk (PostgreSQL is the source of truth). */
export function redisServerArgs({ host, port, dataDir, logFile }) {
  const bind = host === LOCAL_HOST ? ["127.0.0.1", "-::1"] : [host];
  return ["--daemonize", "yes", "--bind", ...bind, "--port", String(port), "--save", "", "--appendonly", "no", "--dir", dataDir, "--logfile", logFile];
}

async function startLocalRedis({ host, port, log }) {
  if (!which("redis-server")) {
    log(`Redis: not reachable on ${host}:${port} and redis-server is not installed.`);
    if (!(await aptInstall(["redis-server"], log))) {
      throw new Error(
        `Redis is not running on ${host}:${port} and redis-server is not installed${isRoot() ? " (and apt-get is not available)" : ""}.\n` +
          "  Install it: sudo apt-get install -y redis-server   (Debian/Ubuntu)\n" +
          "  or set REDIS_URL=redis://host:6379 to use a Redis 6.2+ server elsewhere.",
      );
    }
    // The package's own service may have started it on 6379 during the install.
    if (await isPortOpen(host, port)) return;
  }

  const { dataDir, logDir, logFile } = redisFiles({ asRoot: isRoot(), home: homedir(), port });
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(logDir, { recursive: true });
  log(`Redis: not reachable on ${host}:${port}, starting redis-server (log: ${logFile})…`);
  const r = await tryCommand("redis-server", redisServerArgs({ host, port, dataDir, logFile }), { timeoutMs: 30_000 });
  if (!r.ok) throw new Error(`Redis: redis-server would not start: ${r.out} (see ${logFile})`);
  if (!(await waitFor(() => isPortOpen(host, port), { what: "Redis", log }))) {
    throw new Error(`Redis: redis-server was started but nothing accepts connections on ${host}:${port} after ${WAIT_MS / 1000} s (see ${logFile}).`);
  }
}
