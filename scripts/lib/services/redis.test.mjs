// Redis for `npm start` / `npm test`, against real redis-servers of the test's
// own on free ports (never the machine's 6379): REDIS_URL is checked and every
// way it can fail says what to do; a stopped local Redis is started.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import { after, before, describe, test } from "node:test";
import { Redis } from "ioredis";
import { freePort } from "../run.mjs";
import { isPortOpen, waitFor } from "./host.mjs";
import { ensureRedis, redisAddress, redisFiles, redisServerArgs } from "./redis.mjs";

test("redisAddress names host and port for messages, defaults included", () => {
  assert.equal(redisAddress("redis://10.0.0.5:6380"), "10.0.0.5:6380");
  assert.equal(redisAddress("redis://:pw@cache.internal"), "cache.internal:6379");
  assert.equal(redisAddress("rediss://[::1]:6390/0"), "::1:6390");
  assert.throws(() => redisAddress("::not a url:pw@"), /^Error: not a valid redis:\/\/ URL/);
});

test("a redis-server the set-up starts keeps nothing on disk and listens on loopback only", () => {
  const args = redisServerArgs({ host: "127.0.0.1", port: 6390, dataDir: "/d", logFile: "/d/r.log" });
  assert.deepEqual(args, ["--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", "6390", "--save", "", "--appendonly", "no", "--dir", "/d", "--logfile", "/d/r.log"]);
  assert.deepEqual(redisServerArgs({ host: "10.0.0.2", port: 6379, dataDir: "/d", logFile: "/l" }).slice(2, 4), ["--bind", "10.0.0.2"]);
});

test("its files go where the Debian package keeps them as root, under the home directory otherwise", () => {
  assert.deepEqual(redisFiles({ asRoot: true, home: "/root", port: 6379 }), { dataDir: "/var/lib/redis", logDir: "/var/log/redis", logFile: "/var/log/redis/redis-server.log" });
  assert.deepEqual(redisFiles({ asRoot: false, home: "/home/dev", port: 6390 }), {
    dataDir: "/home/dev/.hookrelay/redis",
    logDir: "/home/dev/.hookrelay/redis",
    logFile: "/home/dev/.hookrelay/redis/redis-server-6390.log",
  });
});

describe("ensureRedis", { concurrency: false }, () => {
  const children = [];
  let secured; // port of a redis-server with requirepass
  let open; // port of one without a password
  let silent; // a TCP server that accepts and never answers
  const savedUrl = process.env.REDIS_URL;

  const startRedis = async (...extra) => {
    const port = await freePort();
    const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", ...extra], { stdio: "ignore" });
    children.push(child);
    assert.ok(await waitFor(() => isPortOpen("127.0.0.1", port), { what: "test redis", log: () => {}, timeoutMs: 10_000, everyMs: 50 }));
    return port;
  };
  const withRedisUrl = async (url, fn) => {
    process.env.REDIS_URL = url;
    try {
      return await fn();
    } finally {
      if (savedUrl === undefined) delete process.env.REDIS_URL;
      else process.env.REDIS_URL = savedUrl;
    }
  };
  const given = (url) => withRedisUrl(url, () => ensureRedis({ log: () => {} }));

  before(async () => {
    [secured, open] = await Promise.all([startRedis("--requirepass", "s3cret"), startRedis()]);
    silent = createServer(() => {}).listen(0, "127.0.0.1");
    await new Promise((r) => silent.once("listening", r));
  });
  after(() => {
    for (const c of children) c.kill("SIGKILL");
    silent?.close();
  });

  test("REDIS_URL that works is returned as it is, and nothing else is touched", async () => {
    const lines = [];
    const url = `redis://:s3cret@127.0.0.1:${secured}`;
    assert.equal(await withRedisUrl(url, () => ensureRedis({ log: (l) => lines.push(l) })), url);
    assert.deepEqual(lines, [`Redis: using REDIS_URL (redis://:***@127.0.0.1:${secured})`]);
  });

  test("REDIS_URL without the password the server wants: say to put it in", async () => {
    await assert.rejects(given(`redis://127.0.0.1:${secured}`), (err) => {
      assert.match(err.message, new RegExp(`^REDIS_URL \\(redis://127.0.0.1:${secured}\\) is not usable: Redis at 127.0.0.1:${secured} requires a password \\(NOAUTH `));
      assert.match(err.message, new RegExp(`put it in REDIS_URL, e.g. redis://:password@127.0.0.1:${secured}\\n`));
      assert.match(err.message, /nothing is started or installed when REDIS_URL is set/);
      return true;
    });
  });

  test("REDIS_URL with a wrong password: say the credentials were rejected, without printing them", async () => {
    await assert.rejects(given(`redis://:wrong@127.0.0.1:${secured}`), (err) => {
      assert.match(err.message, new RegExp(`^REDIS_URL \\(redis://:\\*\\*\\*@127.0.0.1:${secured}\\) is not usable: Redis at 127.0.0.1:${secured} rejected the credentials in REDIS_URL \\(WRONGPASS `));
      assert.doesNotMatch(err.message, /wrong/);
      return true;
    });
  });

  test("REDIS_URL where nothing listens, or something that never answers: say so within seconds", async () => {
    const closed = await freePort();
    await assert.rejects(given(`redis://127.0.0.1:${closed}`), new RegExp(`is not usable: 127.0.0.1:${closed}: ECONNREFUSED\\n`));
    const started = Date.now();
    const port = silent.address().port;
    await assert.rejects(given(`redis://127.0.0.1:${port}`), new RegExp(`is not usable: 127.0.0.1:${port}: no answer within 2000 ms\\n`));
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
  });

  test("without REDIS_URL, a Redis already running on the port is used", async () => {
    const url = await withRedisUrl("", () => ensureRedis({ port: open }));
    assert.equal(url, `redis://127.0.0.1:${open}`);
  });

  test("without REDIS_URL, a local Redis that asks for a password: say so, and that REDIS_URL can name another", async () => {
    await assert.rejects(withRedisUrl("", () => ensureRedis({ port: secured })), /requires a password .*\n {2}Or set REDIS_URL to a Redis you can use\.$/s);
  });

  test("without REDIS_URL and nothing on the port, the installed redis-server is started there", { timeout: 60_000 }, async () => {
    const port = await freePort();
    const lines = [];
    const url = await withRedisUrl("", () => ensureRedis({ port, log: (l) => lines.push(l) }));
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    try {
      await redis.connect();
      assert.equal(await redis.ping(), "PONG");
      assert.deepEqual(await redis.config("GET", "save"), ["save", ""]);
    } finally {
      await redis.call("SHUTDOWN", "NOSAVE").catch(() => {}); // the connection closes as it exits
      redis.disconnect();
    }
    const logFile = /\(log: (.*)\)…$/.exec(lines[0])?.[1];
    assert.match(lines[0], new RegExp(`^Redis: not reachable on 127.0.0.1:${port}, starting redis-server \\(log: .*redis-server-${port}\\.log\\)…$`));
    assert.equal(lines.at(-1), `Redis: using redis://127.0.0.1:${port}`);
    rmSync(logFile, { force: true });
  });
});
