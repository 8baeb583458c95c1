// The fault suite's summary: a table on stdout, the same as JSON in
// fault-results/latest.json, and the closing "N passed, N failed" line CI reads.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ScenarioResult } from "./run-scenario";

const ROOT = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");

export function formatTable(results: ScenarioResult[]): string {
  const head = ["scenario", "ingest/s", "accepted", "refused", "delivered", "lost", "stranded", "duplicates", "recovery s", "result"];
  const rows = results.map((r) => [
    r.title,
    String(r.ingest.perSec ?? "-"),
    String(r.accepted),
    String(r.refused),
    `${r.delivered}/${r.expected}`,
    String(r.lost),
    String(r.stranded),
    String(r.duplicates),
    r.lost + r.stranded > 0 ? "never" : r.recoverySec === null ? "-" : r.recoverySec.toFixed(1),
    r.passed ? "pass" : "FAIL",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  const out = [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
  for (const r of results) if (!r.passed) out.push(`  ${r.title}: ${r.problems.join("; ")}`);
  return out.join("\n");
}

export function writeResults(results: ScenarioResult[]): string {
  const dir = join(ROOT, "fault-results");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "latest.json");
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), results }, null, 2)}\n`);
  return file;
}

export function summaryLine(results: ScenarioResult[]): string {
  const passed = results.filter((r) => r.passed).length;
  return `${passed} passed, ${results.length - passed} failed`;
}
