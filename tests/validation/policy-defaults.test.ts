// The policy defaults the server applies and the dashboard shows come from one
// module (lib/policy-defaults.ts): the form's preset labels are read off the
// schedules the worker uses, and every preset the form offers is one the API accepts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_JITTER, RETRY_PRESET_KEYS, RETRY_PRESETS, describeDelay, retryPresetLabel } from "@/lib/policy-defaults";
import { retrySchema } from "@/lib/validation/endpoint-policy";
import { RETRY_CHOICES } from "@/components/webhook-form/form-model";
import { scheduleFor } from "@/lib/delivery/next-attempt";
import { parseSchedule } from "@/lib/delivery/retry-schedule";

test("delays read as the dashboard writes them", () => {
  assert.deepEqual(["0", "500ms", "5s", "5m", "2h", "1d", "30"].map(describeDelay), ["immediately", "500 ms", "5 s", "5 min", "2 h", "1 d", "30 s"]);
  assert.equal(retryPresetLabel("standard"), "Standard: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h");
  assert.equal(retryPresetLabel("quick-exponential"), "Quick: immediately, 1 s, 2 s, 4 s");
});

test("the form offers every preset the API accepts, labelled with the schedule the worker follows", () => {
  assert.deepEqual(RETRY_CHOICES.map((c) => c.value), [...RETRY_PRESET_KEYS, "custom"]);
  for (const preset of RETRY_PRESET_KEYS) {
    const parsed = retrySchema.parse({ preset });
    assert.equal(parsed.jitter, DEFAULT_JITTER);
    assert.deepEqual(scheduleFor({ retry: parsed }), parseSchedule(RETRY_PRESETS[preset].schedule.join(",")));
    assert.equal(RETRY_CHOICES.find((c) => c.value === preset)?.label, retryPresetLabel(preset));
  }
});
