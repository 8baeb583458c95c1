import { test } from "node:test";
import assert from "node:assert/strict";
import { applyMessages, emptyState, type FeedMessage } from "@/components/live/dashboard-state";

const m = (event: string, data: Record<string, unknown>, t = "2026-01-01T00:00:00Z"): FeedMessage => ({ type: "event", event, timestamp: t, data });

test("scan progress moves forward only and finishes at 100 %", () => {
  const s = applyMessages(emptyState(), [
    m("scan.started", { job_id: "j1", profile_name: "P" }),
    m("scan.progress", { job_id: "j1", progress: { percentage: 40 } }),
    m("scan.progress", { job_id: "j1", progress: { percentage: 20 } }), // late, out of order
    m("scan.completed", { job_id: "j1", results: { infringements_found: 3 } }),
    m("scan.progress", { job_id: "j1", progress: { percentage: 90 } }), // after completion
  ]);
  assert.equal(s.scans.j1.percentage, 100);
  assert.equal(s.scans.j1.status, "completed");
  assert.equal(s.scans.j1.found, 3);
  assert.equal(s.counters.scansCompleted, 1);
});

test("infringements are newest first, at most ten; updates change status", () => {
  let s = emptyState();
  for (let i = 0; i < 12; i++) s = applyMessages(s, [m("infringement.detected", { infringement_id: i, url: `https://x/${i}`, confidence_score: 0.5 + i / 40 })]);
  assert.equal(s.infringements.length, 10);
  assert.equal(s.infringements[0].id, 11);
  s = applyMessages(s, [m("infringement.updated", { infringement_id: 11, new_status: "confirmed" })]);
  assert.equal(s.infringements[0].status, "confirmed");
  assert.equal(s.counters.infringements, 12);
});

test("takedowns follow their status changes", () => {
  const s = applyMessages(emptyState(), [
    m("takedown.submitted", { takedown_id: "td1", platform: "google", status: "pending" }),
    m("takedown.status_changed", { takedown_id: "td1", new_status: "in_progress" }),
    m("takedown.status_changed", { takedown_id: "td1", new_status: "completed" }),
  ]);
  assert.equal(s.takedowns.td1.status, "completed");
  assert.equal(s.takedowns.td1.platform, "google");
  assert.equal(s.counters.takedownsCompleted, 1);
});
