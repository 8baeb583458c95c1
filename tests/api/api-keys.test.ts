// API key management: create (shown once), list (never the key), revoke (401 at once), scopes.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { call, client } from "../helpers/api";
import { newTenant } from "../helpers/tenant";

let t: Awaited<ReturnType<typeof newTenant>>;
let other: Awaited<ReturnType<typeof newTenant>>;
before(async () => {
  t = await newTenant("Keys tenant");
  other = await newTenant("Keys outsider");
});
after(() => db.$disconnect());

test("create shows the key once; list shows prefix, scopes, created and last used — never the key", async () => {
  const res = await t.api.post("/api/v1/api-keys", { name: "CI", scopes: ["events:write", "deliveries:read"] });
  assert.equal(res.status, 201);
  assert.match(res.body.key, /^hr_/);
  assert.equal(res.body.prefix, res.body.key.slice(0, 10));
  assert.deepEqual(res.body.scopes, ["events:write", "deliveries:read"]);

  const fresh = client(res.body.key);
  assert.equal((await fresh.post("/api/v1/events", { event: "a.b", data: {} })).status, 202);
  assert.equal((await fresh.get("/api/v1/webhooks")).status, 403, "no webhooks:read scope");

  const list = await t.api.get("/api/v1/api-keys");
  assert.equal(list.status, 200);
  const row = list.body.data.find((k: any) => k.id === res.body.id);
  assert.deepEqual(Object.keys(row).sort(), ["created_at", "id", "last_used_at", "name", "prefix", "revoked_at", "scopes"]);
  assert.ok(row.last_used_at, "last used is recorded");
  assert.ok(!JSON.stringify(list.body).includes(res.body.key), "the key never appears in a list");
});

test("a revoked key is refused at once", async () => {
  const { body: created } = await t.api.post("/api/v1/api-keys", { name: "to revoke" });
  const k = client(created.key);
  assert.equal((await k.get("/api/v1/webhooks")).status, 200);
  const revoked = await t.api.delete(`/api/v1/api-keys/${created.id}`);
  assert.equal(revoked.status, 200);
  assert.ok(revoked.body.revoked_at);
  assert.equal((await k.get("/api/v1/webhooks")).status, 401);
});

test("validation, scope and tenancy", async () => {
  assert.equal((await t.api.post("/api/v1/api-keys", { name: "" })).status, 422);
  const bad = await t.api.post("/api/v1/api-keys", { name: "x", scopes: ["everything"] });
  assert.equal(bad.status, 422);
  assert.ok(bad.body.error.details.some((d: any) => d.path === "scopes.0"));
  const { body: mine } = await t.api.post("/api/v1/api-keys", { name: "mine", scopes: ["webhooks:read"] });
  assert.equal((await client(mine.key).post("/api/v1/api-keys", { name: "escalate" })).status, 403, "a key can't mint keys without api_keys:write");
  assert.equal((await other.api.delete(`/api/v1/api-keys/${mine.id}`)).status, 404);
  assert.ok(!(await other.api.get("/api/v1/api-keys")).body.data.some((k: any) => k.id === mine.id));
  assert.equal((await call("GET", "/api/v1/api-keys")).status, 401);
});
