// The supervisor behind `npm start`: a process that exits is started again, with a log
// line, after a growing backoff; stop() ends it without a restart.
import { test } from "node:test";
import assert from "node:assert/strict";
import { supervise } from "./supervise.mjs";

const until = async (check, what, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

test("a child that exits is restarted with a log line, the wait doubling after each quick failure", async () => {
  const lines = [];
  const pids = new Set();
  const sup = supervise("crasher", process.execPath, ["-e", "process.exit(3)"], { minBackoffMs: 50, maxBackoffMs: 150, log: (l) => lines.push(l) });
  try {
    await until(() => {
      pids.add(sup.child.pid);
      return sup.restarts >= 3;
    }, "three restarts");
    assert.match(lines[0], /^\[crasher\] exited \(code 3\); restarting in 0\.05 s \(restart 1\)$/);
    assert.match(lines[1], /restarting in 0\.1 s \(restart 2\)/);
    assert.match(lines[2], /restarting in 0\.15 s \(restart 3\)/, "capped at maxBackoffMs");
    assert.ok(pids.size >= 2, "each restart is a new process");
  } finally {
    await sup.stop();
  }
});

test("a child killed by a signal is restarted too; stop() ends it for good", async () => {
  const lines = [];
  const sup = supervise("sleeper", process.execPath, ["-e", "setInterval(() => {}, 1000)"], { minBackoffMs: 50, log: (l) => lines.push(l) });
  const first = sup.child;
  await new Promise((r) => setTimeout(r, 200));
  first.kill("SIGKILL");
  await until(() => sup.child !== first && sup.child.pid, "a new process");
  assert.match(lines[0], /^\[sleeper\] exited \(signal SIGKILL\); restarting in 0\.05 s/);
  const second = sup.child;
  await sup.stop(2000);
  assert.notEqual(second.exitCode ?? second.signalCode, null, "stopped");
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(sup.child, second, "no restart after stop()");
  assert.equal(lines.length, 1);
});
