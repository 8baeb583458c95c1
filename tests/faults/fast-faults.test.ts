// The fault suite's quick subset for `npm test` (the whole suite is
// `npm run test:faults`): on one private PostgreSQL + Redis stack with short
// lock and reconcile intervals, a worker killed three times, Redis restarted
// without persistence, and PostgreSQL down 8 s under ingest. Each must lose no
// accepted event and recover within 30 s; ingest during the PostgreSQL outage
// answers 202 or 503 + Retry-After, never 500.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startStack, type FaultStack } from "./fault-stack";
import { runScenario } from "./run-scenario";
import { scenario } from "./scenarios";
import { formatTable } from "./report";

// Fast timings: a dead worker's locks expire in 5 s and the reconciler looks every second.
const FAST_ENV = { WORKER_LOCK_MS: "5000", WORKER_STALLED_INTERVAL_MS: "1000", RECONCILE_INTERVAL_MS: "1000" };
const FAST = { rate: 100, leadMs: 2000, tailMs: 2000 };

let stack: FaultStack | undefined;
before(async () => {
  stack = await startStack({ env: FAST_ENV });
});
after(async () => {
  await stack?.close();
});

for (const name of ["worker-kill", "redis-restart", "ingest-pg-down"]) {
  test(`fault: ${scenario(name).title} — nothing accepted is lost`, { timeout: 240_000 }, async () => {
    const result = await runScenario(stack!, { ...scenario(name), ...FAST });
    console.log(formatTable([result]));
    assert.deepEqual(result.problems, []);
    assert.ok(result.accepted > 0);
    assert.equal(result.delivered, result.expected);
  });
}
