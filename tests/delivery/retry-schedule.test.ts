import { test } from "node:test";
import assert from "node:assert/strict";
import { capRetries, delayBefore, parseSchedule } from "@/lib/delivery/retry-schedule";
import { classify } from "@/lib/delivery/outcome";

test("parses the standard schedule", () => {
  assert.deepEqual(parseSchedule("0,5s,5m,30m,2h,5h,10h,10h"), [0, 5000, 300000, 1800000, 7200000, 18000000, 36000000, 36000000]);
  assert.deepEqual(parseSchedule("0, 200ms, 1.5"), [0, 200, 1500]);
});

test("rejects malformed schedules with the offending part named", () => {
  assert.throws(() => parseSchedule(""), /at least one/);
  assert.throws(() => parseSchedule("0,5x"), /"5x"/);
});

test("delayBefore walks the schedule and ends after its last entry", () => {
  const s = [0, 100, 200];
  assert.equal(delayBefore(s, 1), 0);
  assert.equal(delayBefore(s, 3), 200);
  assert.equal(delayBefore(s, 4), null);
});

test("WEBHOOK_MAX_RETRIES caps the number of attempts to 1 + retries", () => {
  assert.deepEqual(capRetries([0, 1, 2, 3, 4], 2), [0, 1, 2]);
  assert.deepEqual(capRetries([0, 1], undefined), [0, 1]);
});

test("outcome classes", () => {
  assert.equal(classify(200), "success");
  assert.equal(classify(204), "success");
  assert.equal(classify(301), "retry");
  assert.equal(classify(400), "permanent");
  assert.equal(classify(410), "permanent");
  assert.equal(classify(408), "retry");
  assert.equal(classify(429), "retry");
  assert.equal(classify(503), "retry");
  assert.equal(classify(null), "retry");
});
