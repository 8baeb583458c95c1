// Stored policies are read leniently: a field saved before its rule got
// stricter is dropped alone, the endpoint's other settings still apply.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readPolicy } from "@/lib/validation/endpoint-policy";

test("a stored field that today's header rules refuse is dropped alone; the rest of the policy still applies", () => {
  const stored = {
    retry: { preset: "quick-exponential", jitter: 0.1 },
    timeout_sec: 7,
    // Both accepted before one header validation covered them; both broke deliveries.
    custom_headers: { Expect: "100-continue", "X-Api-Key": "k" },
    signature: { preset: "hex", header: "Host" },
  };
  assert.deepEqual(readPolicy(stored), { retry: { preset: "quick-exponential", jitter: 0.1 }, timeout_sec: 7 });
  assert.deepEqual(readPolicy({ timeout_sec: 5 }), { timeout_sec: 5 });
  assert.deepEqual(readPolicy(null), {});
  assert.deepEqual(readPolicy("garbage"), {});
});
