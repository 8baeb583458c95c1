// Custom event-type schemas are programs the customer hands us: their regexes
// run on a linear-time engine (no catastrophic backtracking on the web
// process), and their size and depth are capped when saved.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { call } from "../helpers/api";
import { newTenant } from "../helpers/tenant";

let t: Awaited<ReturnType<typeof newTenant>>;
before(async () => {
  t = await newTenant("Schema safety tenant");
});
after(() => db.$disconnect());

const timed = async <T>(p: Promise<T>) => {
  const started = performance.now();
  const value = await p;
  return { value, ms: performance.now() - started };
};

test("a catastrophic-backtracking pattern neither blocks the server nor the ingest", async () => {
  const created = await t.api.post("/api/v1/event-types", {
    name: "redos.probe",
    schema: { type: "object", properties: { name: { type: "string", pattern: "^(a+)+$" } } },
    validate: true,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));

  // 30 characters cost seconds on a backtracking engine (doubling per character).
  const ingest = timed(t.api.post("/api/v1/events", { event: "redos.probe", data: { name: "a".repeat(30) + "!" } }));
  await new Promise((r) => setTimeout(r, 30));
  const health = await timed(call("GET", "/api/health"));
  assert.ok(health.ms < 500, `/api/health took ${Math.round(health.ms)} ms while a pattern was being matched`);
  const rejected = await ingest;
  assert.equal(rejected.value.status, 422, JSON.stringify(rejected.value.body));
  assert.match(rejected.value.body.error.message, /data\.name: must match pattern/);

  const long = await timed(t.api.post("/api/v1/events", { event: "redos.probe", data: { name: "a".repeat(40) + "!" } }));
  assert.equal(long.value.status, 422);
  assert.ok(long.ms < 500, `a 40-character input took ${Math.round(long.ms)} ms`);
  assert.equal((await t.api.post("/api/v1/events", { event: "redos.probe", data: { name: "a".repeat(40) } })).status, 202);
});

test("patterns the linear-time engine cannot run (backreferences, lookaround) are refused at save, naming schema", async () => {
  for (const pattern of ["^(a)\\1$", "^(?=a)a$"]) {
    const res = await t.api.post("/api/v1/event-types", {
      name: `regex.unsupported_${pattern.includes("?=") ? "lookahead" : "backref"}`,
      schema: { type: "object", patternProperties: { [pattern]: { type: "string" } } },
    });
    assert.equal(res.status, 422, `${pattern}: ${JSON.stringify(res.body)}`);
    assert.equal(res.body.error.details[0].path, "schema");
    assert.match(res.body.error.message, /schema: .*(pattern|regular expression)/i);
  }
});

test("oversized and overly deep schemas are refused with 422 naming schema", async () => {
  const properties: Record<string, unknown> = {};
  for (let i = 0; i < 2000; i++) properties[`field_${i}`] = { type: "string", description: "x".repeat(20) };
  const big = await t.api.post("/api/v1/event-types", { name: "schema.too_big", schema: { type: "object", properties } });
  assert.equal(big.status, 422, JSON.stringify(big.body).slice(0, 300));
  assert.equal(big.body.error.details[0].path, "schema");
  assert.match(big.body.error.message, /schema: .*at most \d+ bytes/);

  let deep: Record<string, unknown> = { type: "string" };
  // 20 levels of { properties: { next } } are 41 levels of JSON: past the schema cap (32), within
  // the request body's own JSON depth limit (64, lib/api/request-input.ts), which would refuse first.
  for (let i = 0; i < 20; i++) deep = { type: "object", properties: { next: deep } };
  const tooDeep = await t.api.post("/api/v1/event-types", { name: "schema.too_deep", schema: deep });
  assert.equal(tooDeep.status, 422, JSON.stringify(tooDeep.body).slice(0, 300));
  assert.equal(tooDeep.body.error.details[0].path, "schema");
  assert.match(tooDeep.body.error.message, /schema: .*nested.*at most \d+/);

  // The same limits apply when a schema is replaced.
  const small = await t.api.post("/api/v1/event-types", { name: "schema.grows", schema: { type: "object" } });
  assert.equal(small.status, 201);
  const grown = await t.api.patch("/api/v1/event-types/schema.grows", { schema: deep });
  assert.equal(grown.status, 422);
  assert.equal(grown.body.error.details[0].path, "schema");
});

test("a schema whose validation fans out exponentially is stopped after SCHEMA_TIMEOUT_MS; the server stays responsive", async () => {
  // 1.7 KB: each level tries two $refs to the next one, 2^22 paths for one value.
  const $defs: Record<string, unknown> = { d22: { type: "string" } };
  for (let i = 0; i < 22; i++) $defs[`d${i}`] = { anyOf: [{ $ref: `#/$defs/d${i + 1}` }, { $ref: `#/$defs/d${i + 1}`, minimum: 0 }] };
  const created = await t.api.post("/api/v1/event-types", { name: "fanout.probe", schema: { type: "object", properties: { v: { $ref: "#/$defs/d0" } }, $defs }, validate: true });
  assert.equal(created.status, 201, JSON.stringify(created.body));

  const ingest = timed(t.api.post("/api/v1/events", { event: "fanout.probe", data: { v: 5 } }));
  await new Promise((r) => setTimeout(r, 30));
  const health = await timed(call("GET", "/api/health"));
  assert.ok(health.ms < 500, `/api/health took ${Math.round(health.ms)} ms while a schema was being evaluated`);
  const res = await ingest;
  assert.equal(res.value.status, 422, JSON.stringify(res.value.body));
  assert.match(res.value.body.error.message, /could not be validated .* within \d+ ms/);
  // Validation goes on working for the next event.
  assert.equal((await t.api.post("/api/v1/events", { event: "redos.probe", data: { name: "aaa" } })).status, 202);
});
