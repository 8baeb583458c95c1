// Webhook CRUD over HTTP against the running app (Content Protection Platform / AI Social Media Platform shapes).
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { call } from "../helpers/api";
import { newTenant } from "../helpers/tenant";

let a: Awaited<ReturnType<typeof newTenant>>;
let b: Awaited<ReturnType<typeof newTenant>>;
before(async () => {
  a = await newTenant("Tenant A");
  b = await newTenant("Tenant B");
});
after(() => db.$disconnect());

const valid = {
  url: "https://your-app.com/webhooks/contentprotection",
  events: ["scan.completed", "infringement.detected", "takedown.status_changed", "profile.updated"],
  secret: "your-webhook-secret-key",
};

test("create returns the Content Protection Platform's shape with the secret once, then masked", async () => {
  const res = await a.api.post("/api/v1/webhooks", valid);
  assert.equal(res.status, 201);
  assert.match(res.body.id, /^wh_/);
  assert.equal(res.body.url, valid.url);
  assert.deepEqual(res.body.events, valid.events);
  assert.equal(res.body.secret, valid.secret, "create response shows the secret in full");
  assert.equal(res.body.status, "active");
  assert.equal(res.body.last_delivery, null);
  assert.deepEqual(res.body.delivery_stats, {
    total_deliveries: 0,
    successful_deliveries: 0,
    failed_deliveries: 0,
    last_success: null,
    last_failure: null,
  });
  assert.ok(!Number.isNaN(Date.parse(res.body.created_at)));

  const got = await a.api.get(`/api/v1/webhooks/${res.body.id}`);
  assert.equal(got.status, 200);
  assert.equal(got.body.secret, "wh_sec_***");
  const list = await a.api.get("/api/v1/webhooks");
  assert.ok(list.body.data.some((w: any) => w.id === res.body.id && w.secret === "wh_sec_***"));

  const row = await db.endpoint.findUniqueOrThrow({ where: { id: res.body.id } });
  assert.ok(!row.secretEncrypted.includes(valid.secret), "secret is encrypted at rest");
});

test("a generated secret is a Standard Webhooks whsec_ secret", async () => {
  const res = await a.api.post("/api/v1/webhooks", { url: "https://example.com/h", events: ["*"] });
  assert.equal(res.status, 201);
  assert.match(res.body.secret, /^whsec_/);
});

test("PUT and PATCH update; DELETE removes", async () => {
  const { body: created } = await a.api.post("/api/v1/webhooks", valid);
  const put = await a.api.put(`/api/v1/webhooks/${created.id}`, { events: ["post.published", "mention.created"] });
  assert.equal(put.status, 200);
  assert.deepEqual(put.body.events, ["post.published", "mention.created"]);
  assert.equal(put.body.url, valid.url);
  const patch = await a.api.patch(`/api/v1/webhooks/${created.id}`, { status: "disabled", description: "paused" });
  assert.equal(patch.body.status, "disabled");
  assert.equal(patch.body.description, "paused");
  assert.equal((await a.api.delete(`/api/v1/webhooks/${created.id}`)).status, 204);
  assert.equal((await a.api.get(`/api/v1/webhooks/${created.id}`)).status, 404);
});

test("every invalid field gets a 422 naming it", async () => {
  const cases: Array<[unknown, string]> = [
    [{ ...valid, url: "not a url" }, "url"],
    [{ ...valid, url: "ftp://example.com/x" }, "url"],
    [{ ...valid, url: "/relative/path" }, "url"],
    [{ ...valid, events: [] }, "events"],
    [{ ...valid, events: ["bad type!"] }, "events.0"],
    [{ ...valid, secret: "short" }, "secret"],
    [{ ...valid, unknown_field: 1 }, "(body)"],
    [{ events: ["*"] }, "url"],
  ];
  for (const [body, path] of cases) {
    const res = await a.api.post("/api/v1/webhooks", body);
    assert.equal(res.status, 422, JSON.stringify(body));
    assert.equal(res.body.error.code, "validation_failed");
    assert.ok(
      res.body.error.details.some((d: any) => d.path === path),
      `expected an error at ${path}, got ${JSON.stringify(res.body.error.details)}`,
    );
  }
});

test("malformed JSON is 400, wrong content type 415", async () => {
  const bad = await call("POST", "/api/v1/webhooks", { key: a.key, raw: "{not json", headers: { "content-type": "application/json" } });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.code, "bad_request");
  const form = await call("POST", "/api/v1/webhooks", { key: a.key, raw: "url=x", headers: { "content-type": "application/x-www-form-urlencoded" } });
  assert.equal(form.status, 415);
});

test("missing or invalid credentials are 401", async () => {
  const none = await call("GET", "/api/v1/webhooks");
  assert.equal(none.status, 401);
  assert.equal(none.body.error.code, "unauthorized");
  const wrong = await call("GET", "/api/v1/webhooks", { key: "hr_not_a_real_key" });
  assert.equal(wrong.status, 401);
});

test("a key without the scope is 403", async () => {
  const readOnly = await newTenant("Read only", ["webhooks:read"]);
  const res = await readOnly.api.post("/api/v1/webhooks", valid);
  assert.equal(res.status, 403);
  assert.match(res.body.error.message, /webhooks:write/);
});

test("another workspace's webhook id is 404 for every verb", async () => {
  const { body: created } = await a.api.post("/api/v1/webhooks", valid);
  assert.equal((await b.api.get(`/api/v1/webhooks/${created.id}`)).status, 404);
  assert.equal((await b.api.put(`/api/v1/webhooks/${created.id}`, { events: ["*"] })).status, 404);
  assert.equal((await b.api.patch(`/api/v1/webhooks/${created.id}`, { status: "disabled" })).status, 404);
  assert.equal((await b.api.delete(`/api/v1/webhooks/${created.id}`)).status, 404);
  assert.ok(!(await b.api.get("/api/v1/webhooks")).body.data.some((w: any) => w.id === created.id));
  // and it is untouched
  const still = await a.api.get(`/api/v1/webhooks/${created.id}`);
  assert.equal(still.body.status, "active");
});
