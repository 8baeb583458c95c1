// Playwright cannot download its own browser here; it drives Debian's Chromium.
import { existsSync } from "node:fs";
import { runCommand } from "./run.mjs";

export async function ensureChromium({ log }) {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(path)) return path;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium is not installed at ${path}. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  log("installing Chromium for the browser tests (apt-get install chromium)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  await runCommand("setup", "apt-get", ["update"], { env, quiet: true, timeoutMs: 5 * 60_000 });
  await runCommand("setup", "apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { env, quiet: true, timeoutMs: 10 * 60_000 });
  if (!existsSync(path)) throw new Error(`apt-get installed chromium but ${path} is missing`);
  return path;
}
