// The machine helpers the set-up runs its commands with: a command's output
// and failure are reported, never thrown; a daemon that keeps the pipes open
// does not hold the caller; a hung command is stopped at its timeout.
import assert from "node:assert/strict";
import { createServer } from "node:net";
import { test } from "node:test";
import { freePort } from "../run.mjs";
import { isPortOpen, tryCommand, waitFor, which } from "./host.mjs";

test("tryCommand resolves a command's output, and on failure its output and how it failed", async () => {
  assert.deepEqual(await tryCommand("sh", ["-c", "echo started; echo note >&2"]), { ok: true, out: "started\nnote" });
  const failed = await tryCommand("sh", ["-c", "echo cluster is already running >&2; exit 2"]);
  assert.equal(failed.ok, false);
  assert.match(failed.out, /^cluster is already running\nsh -c .* failed \(exit 2\)$/);
  const missing = await tryCommand("hookrelay-no-such-program", []);
  assert.equal(missing.ok, false);
  assert.match(missing.out, /ENOENT/);
});

test("tryCommand passes extra environment variables on top of the process's", async () => {
  const r = await tryCommand("sh", ["-c", 'echo "$HOOKRELAY_TEST_VAR $PATH"'], { env: { HOOKRELAY_TEST_VAR: "given" } });
  assert.equal(r.out, `given ${process.env.PATH}`);
});

test("tryCommand returns when the command exits, though a daemon it started keeps the pipes open", async () => {
  const started = Date.now();
  // The background sleep inherits stdout/stderr, as redis-server --daemonize or pg_ctlcluster's server may.
  const r = await tryCommand("sh", ["-c", "echo forked; sleep 5 & exit 0"]);
  assert.deepEqual(r, { ok: true, out: "forked" });
  assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
});

test("tryCommand stops a command that outlives its timeout", async () => {
  const started = Date.now();
  const r = await tryCommand("sleep", ["30"], { timeoutMs: 1000 });
  assert.equal(r.ok, false);
  assert.match(r.out, /sleep 30 did not finish within 1 s/);
  assert.ok(Date.now() - started < 3000);
});

test("waitFor resolves true once the check passes, false at its timeout", async () => {
  let calls = 0;
  assert.equal(await waitFor(async () => ++calls >= 3, { what: "x", log: () => {}, everyMs: 10 }), true);
  assert.equal(calls, 3);
  const started = Date.now();
  assert.equal(await waitFor(async () => false, { what: "x", log: () => {}, timeoutMs: 100, everyMs: 10 }), false);
  assert.ok(Date.now() - started < 1000);
});

test("isPortOpen tells a listening port from a closed one", async () => {
  const server = createServer().listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  try {
    assert.equal(await isPortOpen("127.0.0.1", server.address().port), true);
  } finally {
    server.close();
  }
  assert.equal(await isPortOpen("127.0.0.1", await freePort()), false);
});

test("which finds programs on PATH and not others", () => {
  assert.match(which("sh") ?? "", /\/sh$/);
  assert.equal(which("hookrelay-no-such-program"), null);
});
