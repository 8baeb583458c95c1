// Small process helpers for the start/test scripts: run a command to completion,
// or keep one running with its output prefixed and pino's JSON made readable.
import { spawn } from "node:child_process";
import { createServer } from "node:net";

const COLORS = { web: 36, worker: 35, demo: 32, build: 33, test: 32, e2e: 34, setup: 90 };
const LEVELS = { 10: "trace", 20: "debug", 30: "info", 40: "warn", 50: "error", 60: "fatal" };
const QUIET_KEYS = new Set(["level", "time", "pid", "hostname", "msg", "proc", "v"]);

export const color = (name, text) => (process.stdout.isTTY ? `\x1b[${COLORS[name] ?? 0}m${text}\x1b[0m` : text);

export function step(message) {
  console.log(color("setup", "›") + " " + message);
}

/** Turns a pino JSON line into "12:00:01 info  message key=value"; other lines pass through. */
export function formatLine(line) {
  if (!line.startsWith("{")) return line;
  try {
    const o = JSON.parse(line);
    if (!o.msg && !o.level) return line;
    const time = new Date(o.time ?? Date.now()).toTimeString().slice(0, 8);
    const level = (LEVELS[o.level] ?? String(o.level)).padEnd(5);
    const extra = Object.entries(o)
      .filter(([k]) => !QUIET_KEYS.has(k))
      .map(([k, v]) => `${k}=${typeof v === "object" ? JSON.stringify(v) : v}`)
      .join(" ");
    return `${time} ${level} ${o.msg ?? ""}${extra ? " " + extra : ""}`;
  } catch {
    return line;
  }
}

function pipePrefixed(stream, name, out, onChunk = () => {}) {
  let buf = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk) => {
    onChunk(chunk);
    buf += chunk;
    let i;
    while ((i = buf.indexOf("\n")) >= 0) {
      out.write(`${color(name, `[${name}]`)} ${formatLine(buf.slice(0, i))}\n`);
      buf = buf.slice(i + 1);
    }
  });
  stream.on("end", () => buf && out.write(`${color(name, `[${name}]`)} ${formatLine(buf)}\n`));
}

/** Starts a long-running child with prefixed output. */
export function launch(name, command, args, { env, cwd } = {}) {
  const child = spawn(command, args, { env, cwd, stdio: ["ignore", "pipe", "pipe"] });
  pipePrefixed(child.stdout, name, process.stdout);
  pipePrefixed(child.stderr, name, process.stderr);
  return child;
}

/**
 * Runs a command to completion (output shown prefixed, or kept back when quiet
 * and shown only on failure). Resolves with the output; rejects on failure or
 * timeout with an error whose `output` holds what the command printed.
 */
export function runCommand(name, command, args, { env, cwd, timeoutMs = 10 * 60_000, quiet = false, echoOnFailure = true } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let settled = false;
    const settle = (err) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!err) return resolve(output);
      if (quiet && echoOnFailure && output) process.stderr.write(output);
      err.output = output;
      reject(err);
    };
    const collect = (stream, out) => {
      if (quiet) {
        stream.setEncoding("utf8");
        stream.on("data", (c) => (output += c));
      } else pipePrefixed(stream, name, out, (c) => (output += c));
    };
    collect(child.stdout, process.stdout);
    collect(child.stderr, process.stderr);
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      settle(new Error(`${command} ${args.join(" ")} did not finish within ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    child.on("error", (err) => settle(err));
    const finished = (code, signal) => settle(code === 0 ? null : new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`));
    // "close" comes once the pipes are drained, so the output is complete. A daemon the
    // command started (redis-server --daemonize, pg_ctlcluster) may hold them open long
    // after the command exited: then "exit" settles, 200 ms later for the last output.
    child.on("close", finished);
    child.on("exit", (code, signal) => setTimeout(() => finished(code, signal), 200));
  });
}

/** Stops children: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopAll(children, graceMs = 10_000) {
  await Promise.all(
    children
      .filter((c) => c.exitCode === null && c.signalCode === null)
      .map(
        (c) =>
          new Promise((resolve) => {
            const t = setTimeout(() => c.kill("SIGKILL"), graceMs);
            c.once("exit", () => {
              clearTimeout(t);
              resolve();
            });
            c.kill("SIGTERM");
          }),
      ),
  );
}

/** Polls `url` until it answers 2xx; rejects with the last problem after `timeoutMs`. */
export async function waitForHttp(url, { timeoutMs = 60_000, child } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`process exited (code ${child.exitCode}) before ${url} answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
      if (res.ok) return;
      last = `HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`;
    } catch (err) {
      last = err.message;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not become ready within ${timeoutMs / 1000} s (${last})`);
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}
