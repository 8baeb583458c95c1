import { test } from "node:test";
import assert from "node:assert/strict";
import { coveredBy, groupTypes, togglePattern } from "@/components/webhook-form/event-selection";

test("catalog types are grouped by their first segment, sorted", () => {
  assert.deepEqual(groupTypes(["takedown.submitted", "scan.progress", "scan.completed", "ping"]), [
    { group: "ping", types: ["ping"] },
    { group: "scan", types: ["scan.completed", "scan.progress"] },
    { group: "takedown", types: ["takedown.submitted"] },
  ]);
});

test("a type is covered by itself, its group's wildcard or *", () => {
  assert.equal(coveredBy(["scan.progress"], "scan.progress"), "scan.progress");
  assert.equal(coveredBy(["scan.*"], "scan.progress"), "scan.*");
  assert.equal(coveredBy(["*", "scan.progress"], "scan.progress"), "*");
  assert.equal(coveredBy(["scan.*"], "scanner.started"), null);
  assert.equal(coveredBy([], "scan.progress"), null);
});

test("ticking a wildcard replaces the exact types it covers; * replaces everything", () => {
  assert.deepEqual(togglePattern(["scan.started", "scan.progress", "takedown.submitted", "custom.x"], "scan.*", true), ["takedown.submitted", "custom.x", "scan.*"]);
  assert.deepEqual(togglePattern(["scan.*", "takedown.submitted"], "*", true), ["*"]);
  assert.deepEqual(togglePattern(["scan.*"], "scan.*", true), ["scan.*"], "no duplicates");
  assert.deepEqual(togglePattern(["scan.*", "takedown.submitted"], "scan.*", false), ["takedown.submitted"]);
  assert.deepEqual(togglePattern(["takedown.submitted"], "scan.progress", true), ["takedown.submitted", "scan.progress"]);
});
