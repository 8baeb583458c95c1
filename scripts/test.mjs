#!/usr/bin/env node
// `npm test`: the same preparation as `npm start`, against a fresh test
// database, then the whole suite: unit + integration tests (node:test) against
// the real web app, worker, PostgreSQL, Redis and loopback receivers, then the
// Playwright tests in Debian's Chromium. The static checks (type check, lint) run
// first and count like suites: a finding fails `npm test`, the other suites still run.
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { ROOT, checkNode, ensureDependencies, generatePrismaClient, buildApp, prepareServices } from "./lib/prepare.mjs";
import { launch, runCommand, stopAll, step, waitForHttp } from "./lib/run.mjs";
import { ensureChromium } from "./lib/chromium.mjs";
import { startSmtpSink } from "./lib/smtp-sink.mjs";
import { failingTests } from "./lib/test-output.mjs";

const PORT = Number(process.env.TEST_PORT ?? 3100);
const TEST_DB_TIMEZONE = "America/New_York";
const only = process.argv.slice(2); // optional: test files or "unit" / "e2e"

function testFiles(dir) {
  const out = [];
  const walk = (p) => {
    for (const name of readdirSync(p)) {
      const full = join(p, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(".test.ts") || name.endsWith(".test.mjs")) out.push(relative(ROOT, full));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

/** The same server and role, on the `postgres` maintenance database. */
function maintenanceUrl(databaseUrl) {
  const url = new URL(databaseUrl);
  url.pathname = "/postgres";
  url.search = "";
  return url.toString();
}

async function main() {
  checkNode();
  await ensureDependencies();
  const runId = randomBytes(4).toString("hex");
  const env = {
    ...process.env,
    NODE_ENV: "production",
    // Its own build folder: rebuilding .next under a running `npm start` would break that server's pages.
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-test",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(PORT),
    APP_URL: `http://localhost:${PORT}`,
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    DEMO_API_KEY: `hr_${randomBytes(32).toString("base64url")}`,
    DEMO_EMAIL: "demo@hookrelay.dev",
    DEMO_PASSWORD: "demo-password",
    QUEUE_PREFIX: `hookrelay-test-${runId}`,
    // Short, deterministic schedules: tests wait milliseconds, not minutes.
    DELIVERY_RETRY_SCHEDULE: "0,200ms,200ms,200ms",
    WEBHOOK_TIMEOUT_SEC: "2",
    RECONCILE_INTERVAL_MS: "1000",
    // Open live connections re-check their credentials every second (tests/realtime/access-recheck).
    LIVE_RECHECK_SEC: "1",
    // Endpoint health: the circuit opens after 5 failures in a row (delivery-flow's
    // always-failing endpoints see 4), probes every second, disables after 5 s.
    CIRCUIT_FAILURE_THRESHOLD: "5",
    CIRCUIT_OPEN_SEC: "1",
    AUTO_DISABLE_AFTER_SEC: "5",
    // tests/notifications and tests/delivery/endpoint-health listen here (smtp-server).
    SMTP_URL: `smtp://127.0.0.1:${process.env.TEST_SMTP_PORT ?? 2526}`,
    MAIL_FROM: "HookRelay Tests <hookrelay@test.local>",
    // Verification links are sent (tests/api/invitations.test.ts follows one) but sign-in
    // doesn't wait for them: the tests sign up users and use them at once.
    EMAIL_VERIFICATION: "optional",
    // The SSRF guard lets the tests' loopback receivers through (plain http included).
    ALLOWED_DESTINATION_CIDRS: "127.0.0.0/8,::1/128",
    // Sign-in/sign-up rate limit (lib/auth/auth.ts): tests sign up many users from one address;
    // tests/api/workspaces.test.ts exhausts the 2-second window on purpose.
    AUTH_RATE_LIMIT_MAX: "20",
    AUTH_RATE_LIMIT_WINDOW_SEC: "2",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  };
  // The test database's zone is not UTC, as on a server installed in its users' local
  // zone: a query that depends on the server's zone fails here rather than for them.
  Object.assign(env, await prepareServices(env, process.env.TEST_DATABASE_NAME ?? "hookrelay_test", { fresh: true, timezone: TEST_DB_TIMEZONE }));
  await generatePrismaClient(env);
  // After the client is generated: the type check reads its types.
  const checks = await staticChecks(env);
  step("seeding the demo workspace…");
  await runCommand("setup", process.execPath, ["--import", "tsx", "prisma/seed.ts"], { cwd: ROOT, env, quiet: true });
  // `npm test -- e2e/x.spec.ts` runs just those Playwright specs (plus the sign-in setup).
  const specs = only.filter((f) => f.endsWith(".spec.ts"));
  const runE2e = only.length === 0 || only.includes("e2e") || specs.length > 0;
  if (runE2e) await ensureChromium({ log: step });
  await buildApp(env);

  const children = [
    launch("web", process.execPath, ["--import", "tsx", "server.ts"], { cwd: ROOT, env }),
    launch("worker", process.execPath, ["--import", "tsx", "workers/delivery-worker.ts"], { cwd: ROOT, env }),
  ];
  const failures = checks.filter((c) => !c.ok).map((c) => `${c.name}: npm run ${c.name} reports problems (printed above)`);
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const count = (output) => {
    const plain = output.replace(/\x1b\[[0-9;]*m/g, "");
    const num = (re) => Number(re.exec(plain)?.[1] ?? 0);
    // node:test's spec reporter ("ℹ pass 12") and Playwright's list reporter ("12 passed").
    totals.passed += num(/^\S*\s*pass (\d+)$/m) + num(/^\s*(\d+) passed\b/m);
    totals.failed += num(/^\S*\s*fail (\d+)$/m) + num(/^\s*(\d+) failed\b/m);
    totals.skipped += num(/^\S*\s*skipped (\d+)$/m) + num(/^\s*(\d+) skipped\b/m);
  };
  try {
    await waitForHttp(`http://127.0.0.1:${PORT}/api/health`, { timeoutMs: 90_000, child: children[0] });
    const testEnv = {
      ...env,
      // The browser tests' sent mail (e2e/support/mailbox.ts reads invitation links from it).
      E2E_MAIL_DIR: mkdtempSync(join(tmpdir(), "hookrelay-e2e-mail-")),
      TEST_BASE_URL: `http://127.0.0.1:${PORT}`,
      E2E_BASE_URL: `http://localhost:${PORT}`,
      // scripts/lib/migrate.test.mjs creates and drops scratch databases with the same role.
      MIGRATE_TEST_ADMIN_URL: env.MIGRATE_TEST_ADMIN_URL ?? maintenanceUrl(env.DATABASE_URL),
    };

    const files = only.length && !only.includes("unit") ? only.filter((f) => (f.endsWith(".ts") || f.endsWith(".mjs")) && !f.endsWith(".spec.ts")) : [...testFiles(join(ROOT, "tests")), ...testFiles(join(ROOT, "scripts", "lib"))];
    if (files.length) {
      step(`running ${files.length} unit/integration test files…`);
      await runCommand("test", process.execPath, ["--import", "tsx", "--test", "--test-concurrency=1", "--test-reporter=spec", ...files], {
        cwd: ROOT,
        env: testEnv,
        timeoutMs: 20 * 60_000,
      }).then(count, (err) => {
        count(err.output ?? "");
        failures.push(`unit/integration: ${files.length} test files, ${err.message.match(/\((.*)\)$/)?.[1] ?? "non-zero exit"}`, ...failingTests(err.output ?? ""));
      });
    }
    if (runE2e) {
      const sink = await startSmtpSink(env.SMTP_URL, { saveTo: testEnv.E2E_MAIL_DIR }).catch((err) => {
        step(`(no SMTP sink for the browser tests: ${err.message}; notification emails will log warnings)`);
        return null;
      });
      step("running the Playwright tests in Chromium…");
      await runCommand("e2e", "npx", ["playwright", "test", "--reporter=list", ...(only.includes("e2e") ? [] : specs)], { cwd: ROOT, env: testEnv, timeoutMs: 20 * 60_000 }).then(
        count,
        (err) => {
          count(err.output ?? "");
          failures.push(`e2e: ${err.message}`, ...failingTests(err.output ?? ""));
        },
      );
      await sink?.close();
    }
    rmSync(testEnv.E2E_MAIL_DIR, { recursive: true, force: true });
  } finally {
    await stopAll(children);
    await cleanupQueue(env);
  }
  if (failures.length) console.error(`\nFAILED:\n  ${failures.join("\n  ")}`);
  else console.log("\nAll test suites passed.");
  console.log(`\nstatic checks: ${checks.map((c) => `${c.name} ${c.ok ? "passed" : "FAILED"}`).join(", ")}`);
  // One closing line for CI, summed over every suite, alone on its line (CI reads that form).
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  if (failures.length || totals.passed === 0) process.exit(1);
}

/** `npm run typecheck` and `npm run lint` (package.json holds the commands); output shown on failure. */
async function staticChecks(env) {
  const results = [];
  for (const name of ["typecheck", "lint"]) {
    step(`${name}…`);
    const started = Date.now();
    const ok = await runCommand(name, "npm", ["run", "--silent", name], { cwd: ROOT, env, quiet: true }).then(
      () => true,
      () => false,
    );
    step(`${name} ${ok ? "passed" : "FAILED"} in ${Math.round((Date.now() - started) / 1000)} s`);
    results.push({ name, ok });
  }
  return results;
}

/** Removes this run's BullMQ keys from Redis. */
async function cleanupQueue(env) {
  try {
    const { Redis } = await import("ioredis");
    const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1 });
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${env.QUEUE_PREFIX}:*`, "COUNT", 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== "0");
    redis.disconnect();
  } catch {
    // Leftover keys of a test prefix harm nothing.
  }
}

main().catch((err) => {
  console.error(`\nnpm test failed: ${err.message}`);
  process.exit(1);
});
