// The built-in catalog: every type the compatible platforms name is there, once, with a
// schema that compiles and an example that validates against it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BUILTIN_EVENT_TYPES } from "@/lib/catalog/builtin";
import { compileSchema, toPathErrors } from "@/lib/catalog/ajv";

const EXPECTED = [
  // Content Protection Platform
  "scan.started", "scan.progress", "scan.completed", "scan.failed",
  "infringement.detected", "infringement.updated",
  "takedown.submitted", "takedown.status_changed",
  "profile.updated", "system.maintenance",
  // AI Social Media Platform
  "post.created", "post.scheduled", "post.published", "post.failed",
  "mention.created", "crisis.detected", "trend.detected",
  "message.received", "message.replied", "analytics.updated", "goal.achieved",
  "account.connected", "account.disconnected", "webhook.test",
  // Sonotheia
  "deepfake.completed", "mfa.completed", "sar.submitted",
  // Pixel Patrol
  "media.created", "media.moderated", "test.webhook",
  // downloads API
  "download.started", "download.progress", "download.completed", "download.failed",
  // HookRelay operational events
  "endpoint.disabled", "endpoint.enabled", "delivery.exhausted", "delivery.recovered",
];

test("the catalog covers every event type of the five compatible platforms and the operational ones, each once", () => {
  const names = BUILTIN_EVENT_TYPES.map((t) => t.name);
  assert.equal(new Set(names).size, names.length, "duplicate names");
  assert.deepEqual([...names].sort(), [...EXPECTED].sort());
});

test("every built-in has a description, a 2020-12 object schema and an example object", () => {
  for (const t of BUILTIN_EVENT_TYPES) {
    assert.ok(t.description.length > 10, `${t.name}: description`);
    assert.equal(t.schema.$schema, "https://json-schema.org/draft/2020-12/schema", t.name);
    assert.equal(t.schema.type, "object", t.name);
    assert.ok(Array.isArray(t.schema.required) && (t.schema.required as string[]).length > 0, `${t.name}: required fields`);
    assert.equal(typeof t.example, "object", t.name);
  }
});

test("every built-in example validates against its own schema", () => {
  for (const t of BUILTIN_EVENT_TYPES) {
    const validate = compileSchema(t.schema);
    assert.ok(validate(t.example), `${t.name}: ${JSON.stringify(toPathErrors(validate.errors))}`);
  }
});

test("schemas are not vacuous: they reject a broken payload with its path, and allow extra fields", () => {
  const byName = new Map(BUILTIN_EVENT_TYPES.map((t) => [t.name, t]));
  const mfa = byName.get("mfa.completed")!;
  const validate = compileSchema(mfa.schema);
  assert.equal(validate({ ...mfa.example, confidence: 1.5 }), false);
  assert.deepEqual(toPathErrors(validate.errors), [{ path: "data.confidence", message: "must be <= 1" }]);

  const { session_id: _omit, ...missing } = mfa.example;
  assert.equal(validate(missing), false);
  assert.deepEqual(toPathErrors(validate.errors).map((e) => e.path), ["data.session_id"]);

  assert.equal(validate({ ...mfa.example, extra_field: "producers may extend" }), true);

  const scan = compileSchema(byName.get("scan.started")!.schema);
  assert.equal(scan({ ...byName.get("scan.started")!.example, scan_type: "sometimes" }), false, "enum enforced");
  const dl = compileSchema(byName.get("download.completed")!.schema);
  assert.equal(dl({ ...byName.get("download.completed")!.example, url: "not a url" }), false, "format enforced");
});
