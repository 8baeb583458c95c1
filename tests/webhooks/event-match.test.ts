import { test } from "node:test";
import assert from "node:assert/strict";
import { matchesEventType } from "@/lib/webhooks/event-match";

test("exact, prefix wildcard and catch-all subscriptions", () => {
  assert.ok(matchesEventType(["scan.completed"], "scan.completed"));
  assert.ok(!matchesEventType(["scan.completed"], "scan.started"));
  assert.ok(matchesEventType(["scan.*"], "scan.progress"));
  assert.ok(!matchesEventType(["scan.*"], "scanner.progress"));
  assert.ok(!matchesEventType(["scan.*"], "infringement.detected"));
  assert.ok(matchesEventType(["*"], "anything.at.all"));
  assert.ok(matchesEventType(["takedown.*", "profile.updated"], "profile.updated"));
});
