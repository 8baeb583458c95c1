import { test } from "node:test";
import assert from "node:assert/strict";
import { emptyForm, problemsFromApi, toRequestBody } from "@/components/webhook-form/form-model";

test("the form becomes the API body with every setting", () => {
  const { body, problems } = toRequestBody({
    ...emptyForm(),
    url: " https://x.example/h ",
    events: "scan.*,\n takedown.status_changed",
    signaturePreset: "sha256-prefixed-hex",
    signatureHeader: "X-ContentProtection-Signature",
    retryPreset: "custom",
    customSchedule: "0, 30s, 10m",
    timeoutSec: "10",
    headers: [{ name: "X-API-Key", value: "k" }, { name: " ", value: "ignored" }],
    filter: '{"confidence": {">=": 0.8}}',
    rateLimit: "5",
    maxInFlight: "20",
    batchEnabled: true,
    coalesceTypes: "download.progress",
    coalesceKey: "request_id",
  });
  assert.deepEqual(problems, {});
  assert.deepEqual(body, {
    url: "https://x.example/h",
    description: "",
    events: ["scan.*", "takedown.status_changed"],
    signature: { preset: "sha256-prefixed-hex", header: "X-ContentProtection-Signature" },
    retry: { preset: "custom", schedule: ["0", "30s", "10m"] },
    timeout_sec: 10,
    custom_headers: { "X-API-Key": "k" },
    filter: { confidence: { ">=": 0.8 } },
    rate_limit_per_sec: 5,
    max_in_flight: 20,
    batch: { max_size: 100, max_wait_ms: 1000 },
    coalesce: { event_types: ["download.progress"], entity_key: "request_id" },
  });
});

test("empty settings reset to defaults (null), and bad JSON is caught before sending", () => {
  const { body } = toRequestBody({ ...emptyForm(), url: "https://x", events: "*" });
  assert.equal(body!.timeout_sec, null);
  assert.equal(body!.filter, null);
  assert.equal(body!.custom_headers, null);
  assert.match(toRequestBody({ ...emptyForm(), filter: "{nope" }).problems.filter, /Not valid JSON/);
  assert.match(toRequestBody({ ...emptyForm(), filter: "[1]" }).problems.filter, /JSON object/);
});

test("the API's 422 details land on the fields they name", () => {
  assert.deepEqual(problemsFromApi([{ path: "url", message: "bad url" }, { path: "custom_headers.Host", message: "protected" }, { path: "filter.x.$regex", message: "unsupported" }]), {
    url: "bad url",
    headers: "protected",
    filter: "unsupported",
  });
});
