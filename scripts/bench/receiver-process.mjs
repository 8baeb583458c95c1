// Starts receiver.mjs as a child process and reads its counts over /__stats.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { ROOT } from "../lib/prepare.mjs";

/**
 * What the receiver got since `before` (its stats then), checked against the
 * `expected` deliveries: each exactly once, by distinct webhook-id.
 */
export async function receivedSince(receiver, before, expected) {
  const after = await receiver.stats();
  const requests = after.requests - before.requests;
  const unique = after.unique - before.unique;
  return {
    exactly_once: requests === expected && unique === expected && after.duplicates === before.duplicates,
    receiver: { requests, unique },
  };
}

export async function startReceiver() {
  const child = spawn(process.execPath, [join(ROOT, "scripts/bench/receiver.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
  const first = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`the benchmark receiver exited (${code}) before listening`)));
  });
  const { port } = JSON.parse(first);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    pid: child.pid,
    stats: async () => (await fetch(`${url}/__stats`)).json(),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
