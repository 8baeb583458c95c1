// What the PostgreSQL and Redis set-up needs from this machine: open ports,
// programs on PATH, commands with a timeout, apt-get as root.
import { accessSync, constants } from "node:fs";
import net from "node:net";
import { delimiter, join } from "node:path";
import { runCommand } from "../run.mjs";

export const LOCAL_HOST = "127.0.0.1";
/** How long a service we started may take to accept connections. */
export const WAIT_MS = 20_000;

export const isRoot = () => process.getuid?.() === 0;
export const firstLine = (s) => String(s ?? "").trim().split("\n").find(Boolean) ?? "";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** True when something accepts TCP connections on host:port within `timeoutMs`. */
export function isPortOpen(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/**
 * Polls `check` (async, truthy = ready) every `everyMs` until `timeoutMs`,
 * logging "<what>: still waiting (N s)…" every 5 s so a slow start never looks
 * like a hang. Resolves true when ready, false on timeout.
 */
export async function waitFor(check, { what, log, timeoutMs = WAIT_MS, everyMs = 500 }) {
  const started = Date.now();
  let nextReport = started + 5000;
  for (;;) {
    if (await check()) return true;
    const now = Date.now();
    if (now - started >= timeoutMs) return false;
    if (now >= nextReport) {
      log(`${what}: still waiting (${Math.round((now - started) / 1000)} s of ${Math.round(timeoutMs / 1000)} s)…`);
      nextReport += 5000;
    }
    await sleep(everyMs);
  }
}

/** The executable's path when `bin` is on PATH (no subprocess needed). */
export function which(bin) {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const full = join(dir, bin);
    try {
      accessSync(full, constants.X_OK);
      return full;
    } catch {}
  }
  return null;
}

/**
 * Runs a command quietly with a hard timeout; resolves { ok, out }: what it
 * printed, and on failure a last line saying how it failed (exit code, timeout,
 * not found). Never rejects: callers decide what a failure means.
 */
export async function tryCommand(command, args, { timeoutMs = 60_000, env, cwd } = {}) {
  try {
    const out = await runCommand("setup", command, args, { env: { ...process.env, ...env }, cwd, timeoutMs, quiet: true, echoOnFailure: false });
    return { ok: true, out: out.trim() };
  } catch (err) {
    return { ok: false, out: [(err.output ?? "").trim(), err.message].filter(Boolean).join("\n") };
  }
}

let aptUpdated = false;

/** apt-get install as root (apt-get update once per process). False when not root or no apt-get. */
export async function aptInstall(packages, log) {
  if (!isRoot() || !which("apt-get")) return false;
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  if (!aptUpdated) {
    log("apt-get update…");
    const r = await tryCommand("apt-get", ["update"], { timeoutMs: 5 * 60_000, env });
    if (!r.ok) log(`apt-get update failed (trying the install anyway): ${r.out.split("\n").slice(-3).join(" / ")}`);
    aptUpdated = true;
  }
  log(`apt-get install -y ${packages.join(" ")} (a few minutes at most)…`);
  const r = await tryCommand("apt-get", ["install", "-y", "--no-install-recommends", ...packages], { timeoutMs: 15 * 60_000, env });
  if (!r.ok) throw new Error(`apt-get install ${packages.join(" ")} failed:\n${r.out.split("\n").slice(-10).join("\n")}`);
  return true;
}
