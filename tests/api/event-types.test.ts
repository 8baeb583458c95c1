// Event catalog API: built-in + custom types, CRUD rules, scopes, isolation,
// and ingest validation of custom types that ask for it.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/api/api-keys";
import { randomBytes } from "node:crypto";
import { newId } from "@/lib/ids";
import { BASE_URL, call, client } from "../helpers/api";
import { newTenant } from "../helpers/tenant";

let t: Awaited<ReturnType<typeof newTenant>>;
let other: Awaited<ReturnType<typeof newTenant>>;
before(async () => {
  t = await newTenant("Catalog tenant");
  other = await newTenant("Catalog outsider");
});
after(() => db.$disconnect());

const riskSchema = {
  type: "object",
  required: ["session_id", "confidence"],
  properties: {
    session_id: { type: "string" },
    confidence: { type: "number", minimum: 0, maximum: 1 },
    tags: { type: "array", items: { type: "string" } },
  },
};

test("list returns built-in types with source, schema and example; get one by its dotted name", async () => {
  const res = await t.api.get("/api/v1/event-types");
  assert.equal(res.status, 200);
  const scan = res.body.data.find((e: any) => e.name === "scan.completed");
  assert.equal(scan.source, "builtin");
  assert.equal(scan.origin, "Content Protection Platform");
  assert.equal(scan.example.job_id, "scan_12345abc");
  assert.equal(scan.schema.type, "object");
  assert.ok(res.body.data.some((e: any) => e.name === "delivery.exhausted"));

  const one = await t.api.get("/api/v1/event-types/takedown.status_changed");
  assert.equal(one.status, 200);
  assert.equal(one.body.name, "takedown.status_changed");
  assert.equal((await t.api.get("/api/v1/event-types/no.such_type")).status, 404);
});

test("custom types: create, conflict, get, patch, delete", async () => {
  const created = await t.api.post("/api/v1/event-types", {
    name: "risk.scored",
    description: "A risk score",
    schema: riskSchema,
    example: { session_id: "s1", confidence: 0.4 },
    validate: true,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.source, "custom");
  assert.equal(created.body.validate, true);

  const dup = await t.api.post("/api/v1/event-types", { name: "risk.scored" });
  assert.equal(dup.status, 409);
  assert.equal(dup.body.error.code, "conflict");
  const builtinName = await t.api.post("/api/v1/event-types", { name: "scan.completed" });
  assert.equal(builtinName.status, 409);
  assert.match(builtinName.body.error.message, /built-in/);

  const list = await t.api.get("/api/v1/event-types");
  assert.equal(list.body.data.find((e: any) => e.name === "risk.scored").source, "custom");

  const patched = await t.api.patch("/api/v1/event-types/risk.scored", { description: "Risk score of a session" });
  assert.equal(patched.status, 200);
  assert.equal(patched.body.description, "Risk score of a session");
  assert.equal(patched.body.validate, true, "untouched fields kept");
  assert.deepEqual((await t.api.get("/api/v1/event-types/risk.scored")).body.schema, riskSchema);

  assert.equal((await t.api.post("/api/v1/event-types", { name: "temp.type" })).status, 201);
  assert.equal((await t.api.delete("/api/v1/event-types/temp.type")).status, 204);
  assert.equal((await t.api.get("/api/v1/event-types/temp.type")).status, 404);
  assert.equal((await t.api.delete("/api/v1/event-types/temp.type")).status, 404);
});

test("422: a schema that does not compile, an example that does not match it, validate without schema, bad name", async () => {
  const bad = await t.api.post("/api/v1/event-types", { name: "bad.schema", schema: { type: "objekt" } });
  assert.equal(bad.status, 422);
  assert.equal(bad.body.error.details[0].path, "schema");

  const badExample = await t.api.post("/api/v1/event-types", {
    name: "bad.example",
    schema: riskSchema,
    example: { session_id: "s1", confidence: 7 },
  });
  assert.equal(badExample.status, 422);
  assert.deepEqual(badExample.body.error.details, [{ path: "example.confidence", message: "must be <= 1" }]);

  const noSchema = await t.api.post("/api/v1/event-types", { name: "no.schema", validate: true });
  assert.equal(noSchema.status, 422);
  assert.equal(noSchema.body.error.details[0].path, "validate");

  const badName = await t.api.post("/api/v1/event-types", { name: "spaces are not allowed" });
  assert.equal(badName.status, 422);
  assert.equal(badName.body.error.details[0].path, "name");

  const badPatch = await t.api.patch("/api/v1/event-types/risk.scored", { schema: { type: 12 } });
  assert.equal(badPatch.status, 422);
  assert.equal(badPatch.body.error.details[0].path, "schema");
  assert.equal((await t.api.post("/api/v1/event-types", { name: "a.b", schema: [] })).status, 422);
});

test("built-in types cannot be changed or deleted (403, clear message)", async () => {
  const patch = await t.api.patch("/api/v1/event-types/scan.completed", { description: "mine now" });
  assert.equal(patch.status, 403);
  assert.match(patch.body.error.message, /built-in/);
  const del = await t.api.delete("/api/v1/event-types/scan.completed");
  assert.equal(del.status, 403);
  assert.equal((await t.api.get("/api/v1/event-types/scan.completed")).body.description.includes("mine"), false);
});

test("credentials and scopes: 401 without a key, 403 without webhooks:read / webhooks:write", async () => {
  assert.equal((await call("GET", "/api/v1/event-types")).status, 401);
  assert.equal((await call("POST", "/api/v1/event-types", { body: { name: "x.y" } })).status, 401);
  const eventsOnly = client((await createApiKey(t.workspaceId, "events only", ["events:write"])).key);
  assert.equal((await eventsOnly.get("/api/v1/event-types")).status, 403);
  const readOnly = client((await createApiKey(t.workspaceId, "read only", ["webhooks:read"])).key);
  assert.equal((await readOnly.get("/api/v1/event-types")).status, 200);
  assert.equal((await readOnly.post("/api/v1/event-types", { name: "x.y" })).status, 403);
  assert.equal((await readOnly.patch("/api/v1/event-types/risk.scored", { description: "x" })).status, 403);
  assert.equal((await readOnly.delete("/api/v1/event-types/risk.scored")).status, 403);
});

test("another workspace's custom types are invisible to it and don't block its names", async () => {
  const list = await other.api.get("/api/v1/event-types");
  assert.equal(list.body.data.some((e: any) => e.name === "risk.scored"), false);
  assert.equal((await other.api.get("/api/v1/event-types/risk.scored")).status, 404);
  assert.equal((await other.api.patch("/api/v1/event-types/risk.scored", { description: "x" })).status, 404);
  assert.equal((await other.api.delete("/api/v1/event-types/risk.scored")).status, 404);
  // Same name, separate type: no validation in the other workspace.
  assert.equal((await other.api.post("/api/v1/event-types", { name: "risk.scored" })).status, 201);
  assert.equal((await other.api.post("/api/v1/events", { event: "risk.scored", data: { confidence: 9 } })).status, 202);
  assert.equal((await t.api.get("/api/v1/event-types/risk.scored")).body.validate, true);
});

test("ingest validates custom types with validate=true: 422 with failing paths, 202 when valid", async () => {
  const bad = await t.api.post("/api/v1/events", { event: "risk.scored", data: { confidence: 1.5, tags: [1] } });
  assert.equal(bad.status, 422);
  assert.equal(bad.body.error.code, "validation_failed");
  const paths = bad.body.error.details.map((d: any) => `${d.path}: ${d.message}`);
  assert.ok(paths.includes("data.confidence: must be <= 1"), paths.join(" | "));
  assert.ok(paths.includes("data.session_id: must have required property 'session_id'"), paths.join(" | "));
  assert.ok(paths.includes("data.tags.0: must be string"), paths.join(" | "));
  assert.match(bad.body.error.message, /data\.confidence: must be <= 1/);
  assert.equal(await db.event.count({ where: { workspaceId: t.workspaceId, type: "risk.scored" } }), 0, "nothing stored");

  const good = await t.api.post("/api/v1/events", { type: "risk.scored", data: { session_id: "s1", confidence: 0.9, extra: true } });
  assert.equal(good.status, 202, JSON.stringify(good.body));

  // A schema change applies at once (the compiled validator is keyed by updatedAt).
  const loosened = await t.api.patch("/api/v1/event-types/risk.scored", { schema: { type: "object" }, example: null });
  assert.equal(loosened.status, 200, JSON.stringify(loosened.body));
  assert.equal((await t.api.post("/api/v1/events", { event: "risk.scored", data: { confidence: 1.5 } })).status, 202);

  // validate=false: stored schema, no enforcement.
  await t.api.patch("/api/v1/event-types/risk.scored", { schema: riskSchema, validate: false });
  assert.equal((await t.api.post("/api/v1/events", { event: "risk.scored", data: { confidence: 1.5 } })).status, 202);
});

test("built-in types are not validated at ingest (producers may extend them)", async () => {
  const res = await t.api.post("/api/v1/events", { event: "mfa.completed", data: { confidence: 42 } });
  assert.equal(res.status, 202);
});

test("a viewer (dashboard session) can read the catalog but not change it", async () => {
  const email = `viewer-${randomBytes(5).toString("hex")}@example.test`;
  const signUp = await fetch(`${BASE_URL}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: process.env.APP_URL ?? BASE_URL },
    body: JSON.stringify({ email, password: "correct horse battery", name: "viewer" }),
  });
  assert.equal(signUp.status, 200, await signUp.clone().text());
  const jar = new Map(signUp.headers.getSetCookie().map((c) => c.split(";")[0].split(/=(.*)/s).slice(0, 2) as [string, string]));
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  await db.membership.create({ data: { id: newId("mem"), workspaceId: t.workspaceId, userId: user.id, role: "viewer" } });
  const as = async (method: string, path: string, body?: unknown) => {
    const res = await call(method, path, { body, headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") } });
    for (const c of res.headers.getSetCookie()) {
      const [k, v] = c.split(";")[0].split(/=(.*)/s);
      jar.set(k, v);
    }
    return res;
  };
  assert.equal((await as("POST", "/api/v1/workspaces/switch", { workspace_id: t.workspaceId })).status, 200);
  const list = await as("GET", "/api/v1/event-types");
  assert.equal(list.status, 200);
  assert.ok(list.body.data.some((e: any) => e.name === "risk.scored"), "sees the tenant's custom type");
  assert.equal((await as("POST", "/api/v1/event-types", { name: "viewer.made" })).status, 403);
  assert.equal((await as("PATCH", "/api/v1/event-types/risk.scored", { description: "x" })).status, 403);
  assert.equal((await as("DELETE", "/api/v1/event-types/risk.scored")).status, 403);
});
