// Every environment variable the web app, the worker and lib/ read goes through
// config() (lib/config.ts), and .env.example documents exactly those settings.
// scripts/ and the build files (next.config.js, prisma.config.ts, playwright.config.ts)
// run before config() exists and may read the environment themselves.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { SETTING_NAMES } from "@/lib/config";

const root = new URL("../../", import.meta.url);

test("the app, the worker and lib/ read the environment only through config()", () => {
  const files = execFileSync("git", ["ls-files", "--", "lib", "app", "workers", "components", "prisma", "server.ts"], { cwd: root, encoding: "utf8" })
    .split("\n")
    .filter((f) => /\.(ts|tsx|js|mjs)$/.test(f) && f !== "lib/config.ts" && !f.startsWith("lib/generated/"));
  const readers = files.filter((f) => readFileSync(new URL(f, root), "utf8").includes("process.env"));
  assert.deepEqual(readers, [], "read these settings through config() in lib/config.ts");
});

test(".env.example documents every setting config() reads, and no other", () => {
  const documented = new Set([...readFileSync(new URL(".env.example", root), "utf8").matchAll(/^# ([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
  assert.deepEqual(SETTING_NAMES.filter((n) => !documented.has(n)), [], "missing from .env.example");
  assert.deepEqual([...documented].filter((n) => !SETTING_NAMES.includes(n)), [], "in .env.example but not in lib/config.ts");
});
