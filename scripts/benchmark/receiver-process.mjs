// Starts receiver.mjs as a child process and talks to its /__stats.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

export async function startReceiver(script) {
  const child = spawn(process.execPath, [script], { stdio: ["ignore", "pipe", "inherit"] });
  const first = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`the benchmark receiver exited (${code}) before listening`)));
  });
  const { port } = JSON.parse(first);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    stats: async () => (await fetch(`${url}/__stats`)).json(),
    reset: async () => void (await fetch(`${url}/__reset`, { method: "POST" })).text(),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
