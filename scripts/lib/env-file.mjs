// The local .env: read it, and on first run generate the secrets a fresh
// install needs (encryption key, auth secret, demo API key) so that nothing
// has to be configured by hand. Values already in the environment win.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";

export function parseEnv(text) {
  const out = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\s*$/.exec(line);
    if (!m) continue;
    let value = m[2];
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    out[m[1]] = value;
  }
  return out;
}

const GENERATED = {
  ENCRYPTION_KEY: () => randomBytes(32).toString("base64"),
  BETTER_AUTH_SECRET: () => randomBytes(32).toString("base64url"),
  DEMO_API_KEY: () => `hr_${randomBytes(32).toString("base64url")}`,
};

/**
 * Loads `path` (creating it with generated secrets when absent or incomplete)
 * and returns the merged settings: process.env over the file.
 */
export function loadEnvFile(path, { log = () => {} } = {}) {
  const text = existsSync(path) ? readFileSync(path, "utf8") : "";
  const file = parseEnv(text);
  const added = [];
  for (const [key, make] of Object.entries(GENERATED)) {
    if (!file[key] && !process.env[key]) {
      file[key] = make();
      added.push(key);
    }
  }
  if (added.length > 0) {
    const header = text ? "" : "# Local settings for HookRelay (see .env.example). Generated on first run; keep it private.\n";
    const lines = added.map((k) => `${k}=${file[k]}`).join("\n");
    writeFileSync(path, `${header}${text}${text && !text.endsWith("\n") ? "\n" : ""}${lines}\n`, { mode: 0o600 });
    log(`wrote ${added.join(", ")} to ${path}`);
  }
  return { ...file, ...stripUndefined(process.env) };
}

function stripUndefined(env) {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined));
}
