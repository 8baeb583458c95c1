import { test } from "node:test";
import assert from "node:assert/strict";
import { ContentProtectionDemo } from "@/lib/demo/content-protection";

test("the demo plays every Content Protection Platform event type, and each scan ends after its progress", () => {
  let x = 7;
  const seeded = () => ((x = (x * 48271) % 2147483647) / 2147483647);
  const demo = new ContentProtectionDemo(seeded);
  const events = Array.from({ length: 3000 }, () => demo.next());
  const types = new Set(events.map((e) => e.event));
  for (const t of [
    "scan.started",
    "scan.progress",
    "scan.completed",
    "scan.failed",
    "infringement.detected",
    "takedown.submitted",
    "takedown.status_changed",
    "profile.updated",
    "system.maintenance",
  ]) {
    assert.ok(types.has(t), `${t} appears`);
  }
  const ended = new Set<string>();
  for (const e of events) {
    const job = e.data.job_id as string | undefined;
    if (!job || !e.event.startsWith("scan.")) continue;
    if (e.event === "scan.progress") assert.ok(!ended.has(job), "no progress after a scan ended");
    if (e.event === "scan.completed" || e.event === "scan.failed") ended.add(job);
  }
  const finals = events.filter((e) => e.event === "takedown.status_changed").map((e) => e.data.new_status);
  assert.ok(finals.includes("completed") && finals.includes("rejected"));
  for (const e of events.filter((e) => e.event === "infringement.detected")) {
    const c = e.data.confidence_score as number;
    assert.ok(c >= 0.5 && c <= 1);
  }
});
