// The error contract on the key-management routes — { error: { code, message, details? } },
// never a stack trace or SQL — the 409 mapping of real Prisma unique violations, and
// secrets that never appear in list responses.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { errorResponse } from "@/lib/api/errors";
import { hashApiKey } from "@/lib/api/api-keys";
import { newId } from "@/lib/ids";
import { call, client, type ApiResponse } from "../helpers/api";
import { newTenant } from "../helpers/tenant";

let t: Awaited<ReturnType<typeof newTenant>>;
before(async () => {
  t = await newTenant("Contract tenant");
});
after(() => db.$disconnect());

/** Exactly the contract's shape, and nothing that looks like internals. */
function assertError(res: ApiResponse, status: number, code: string) {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.match(res.headers.get("content-type") ?? "", /application\/json/);
  assert.deepEqual(Object.keys(res.body), ["error"]);
  const keys = Object.keys(res.body.error);
  assert.ok(keys.every((k) => ["code", "message", "details"].includes(k)), keys.join());
  assert.equal(res.body.error.code, code);
  assert.equal(typeof res.body.error.message, "string");
  const text = JSON.stringify(res.body);
  assert.doesNotMatch(text, /\bat \S+ \(|\.ts:\d+|node_modules|prisma|SELECT |INSERT |UPDATE "|violates/i);
}

test("every error status of the api-keys routes has the one shape", async () => {
  const url = "/api/v1/api-keys";
  assertError(await call("POST", url, { body: { name: "x" } }), 401, "unauthorized");
  assertError(await call("GET", url, { key: "hr_not-a-real-key" }), 401, "unauthorized");
  assertError(await call("GET", url, { headers: { authorization: "Basic abc" } }), 401, "unauthorized");
  const reader = (await t.api.post(url, { name: "reader", scopes: ["webhooks:read"] })).body.key;
  assertError(await client(reader).get(url), 403, "forbidden");
  assertError(await t.api.delete(`${url}/key_doesnotexist`), 404, "not_found");
  assertError(await call("POST", url, { key: t.key, raw: "{not json", headers: { "content-type": "application/json" } }), 400, "bad_request");
  assertError(await call("POST", url, { key: t.key, raw: "name=x", headers: { "content-type": "application/x-www-form-urlencoded" } }), 415, "unsupported_media_type");
  assertError(await t.api.post(url, { name: "x".repeat(20 * 1024) }), 413, "payload_too_large");
  const invalid = await t.api.post(url, { name: "", scopes: ["nope"] });
  assertError(invalid, 422, "validation_failed");
  assert.ok(invalid.body.error.details.every((d: any) => typeof d.path === "string" && typeof d.message === "string"));
});

test("a real unique violation becomes 409 naming the field, not the constraint or SQL", async () => {
  const name = `dup.type_${Date.now()}`;
  const row = { workspaceId: t.workspaceId, name, description: "", validate: false };
  await db.eventType.create({ data: { id: newId("et"), ...row } });
  const err = await db.eventType.create({ data: { id: newId("et"), ...row } }).catch((e) => e);
  assert.equal(err.code, "P2002");
  const res = errorResponse(err);
  assert.equal(res.status, 409);
  const body = await res.json();
  assert.deepEqual(body, { error: { code: "conflict", message: "A record with this name already exists", details: [{ path: "name", message: "already exists" }] } });
});

test("an unexpected error is a bare 500, without its message or stack", async () => {
  const res = errorResponse(new Error('relation "secret_table" does not exist at /app/lib/x.ts:12'));
  assert.equal(res.status, 500);
  assert.deepEqual(await res.json(), { error: { code: "internal_error", message: "Internal server error" } });
});

test("lists never include a secret: webhook signing secrets (current or previous), API keys or their hashes", async () => {
  const original = "whsec_" + Buffer.from("contract-original-secret-0123456").toString("base64");
  const hook = await t.api.post("/api/v1/webhooks", { url: "https://example.com/contract", events: ["*"], secret: original });
  assert.equal(hook.status, 201, JSON.stringify(hook.body));
  // Rotation keeps the old secret signing during the grace period: neither may leak.
  const rotated = await t.api.post(`/api/v1/webhooks/${hook.body.id}/secret/rotate`, {});
  assert.equal(rotated.status, 200, JSON.stringify(rotated.body));
  const secrets = [original, rotated.body.secret as string];
  const row = await db.endpoint.findUniqueOrThrow({ where: { id: hook.body.id } });
  assert.ok(row.previousSecretEncrypted, "the old secret is kept for the grace period");

  for (const path of ["/api/v1/webhooks", `/api/v1/webhooks/${hook.body.id}`]) {
    const res = await t.api.get(path);
    assert.equal(res.status, 200);
    const text = JSON.stringify(res.body);
    for (const s of [...secrets, row.secretEncrypted, row.previousSecretEncrypted!]) assert.ok(!text.includes(s), `${path} leaks a secret`);
    assert.doesNotMatch(text, /secret_?encrypted|previous_?secret"/i);
  }

  const keys = await t.api.get("/api/v1/api-keys");
  const text = JSON.stringify(keys.body);
  assert.ok(!text.includes(t.key) && !text.includes(hashApiKey(t.key)), "neither the key nor its hash");
  assert.ok(keys.body.data.every((k: any) => !("hash" in k) && !("key" in k)));
});
