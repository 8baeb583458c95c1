// The fault suite proper (scripts/faults/run.mjs prepares, then runs this with
// tsx): every scenario, or those named on the command line, each on a fresh
// private stack; then the summary table, fault-results/latest.json and the
// closing "N passed, N failed" line.
import { scenarios, scenario } from "../../tests/faults/scenarios";
import { runScenario, type ScenarioResult } from "../../tests/faults/run-scenario";
import { startStack } from "../../tests/faults/fault-stack";
import { formatTable, summaryLine, writeResults } from "../../tests/faults/report";
import type { FaultStack } from "../../tests/faults/fault-stack";

// PostgreSQL runs as a daemon (pg_ctl): an interrupted run still stops the current stack.
let current: FaultStack | undefined;
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => {
    console.error(`${sig}: stopping the private stack…`);
    void (current?.close() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

async function main() {
  const names = process.argv.slice(2);
  const chosen = names.length ? names.map(scenario) : scenarios;
  const results: ScenarioResult[] = [];
  for (const s of chosen) {
    const started = Date.now();
    console.log(`▶ ${s.title}…`);
    let result: ScenarioResult;
    const stack = await startStack(s.stack).catch((err: Error) => err);
    if (stack instanceof Error) result = broken(s.name, s.title, `private stack did not start: ${stack.message}`);
    else {
      current = stack;
      try {
        result = await runScenario(stack, s);
      } catch (err) {
        result = broken(s.name, s.title, `scenario aborted: ${(err as Error).message}`);
      } finally {
        await stack.close();
        current = undefined;
      }
    }
    results.push(result);
    const secs = Math.round((Date.now() - started) / 1000);
    console.log(`  ${result.passed ? "pass" : "FAIL"} in ${secs} s: ${result.accepted} accepted, ${result.lost} lost, ${result.duplicates} duplicates, recovery ${result.recoverySec ?? "-"} s${result.passed ? "" : ` — ${result.problems.join("; ")}`}`);
  }
  console.log(`\n${formatTable(results)}\n`);
  console.log(`results: ${writeResults(results)}`);
  console.log(summaryLine(results));
  process.exit(results.every((r) => r.passed) ? 0 : 1);
}

function broken(name: string, title: string, problem: string): ScenarioResult {
  return {
    name,
    title,
    accepted: 0,
    refused: 0,
    expected: 0,
    delivered: 0,
    lost: 0,
    duplicates: 0,
    unconfirmed: 0,
    lostSample: [],
    recoverySec: null,
    faultSec: 0,
    stranded: 0,
    states: {},
    ingest: { perSec: null, p50Ms: null, p99Ms: null, statuses: {} },
    problems: [problem],
    passed: false,
  };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
