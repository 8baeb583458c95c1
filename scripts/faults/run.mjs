#!/usr/bin/env node
// `npm run test:faults [-- scenario…]`: the fault suite of issue 11. Prepares
// like `npm test` (dependencies, Prisma client, the .next-test build), then runs
// each fault scenario (tests/faults/scenarios.ts) on private PostgreSQL and
// Redis instances of its own (never the machine's), prints a summary table,
// writes fault-results/latest.json and exits 1 if any scenario failed.
import { ROOT, checkNode, ensureDependencies, generatePrismaClient, buildApp } from "../lib/prepare.mjs";
import { runCommand, step } from "../lib/run.mjs";

async function main() {
  checkNode();
  await ensureDependencies();
  const env = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-test",
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  };
  await generatePrismaClient(env);
  await buildApp(env);
  step("running the fault scenarios (each on its own PostgreSQL and Redis)…");
  await runCommand("test", process.execPath, ["--import", "tsx", "scripts/faults/suite.ts", ...process.argv.slice(2)], {
    cwd: ROOT,
    env,
    timeoutMs: 90 * 60_000,
  }).catch((err) => {
    // The suite printed its table and closing line; its exit code is the verdict.
    process.exitCode = 1;
    if (!/failed \(exit 1\)/.test(err.message)) console.error(err.message);
  });
}

main().catch((err) => {
  console.error(`\nnpm run test:faults failed: ${err.message}`);
  process.exit(1);
});
