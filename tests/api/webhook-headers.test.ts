// Headers a webhook adds to its requests: one validation for custom header
// names/values and the signature header settings, and custom header values
// treated as credentials (encrypted at rest, masked in every answer and in the
// stored attempts, revealed only with webhooks:write).
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/api/api-keys";
import { sealLegacyCustomHeaders } from "@/lib/webhooks/custom-headers";
import { client, eventually } from "../helpers/api";
import { newTenant } from "../helpers/tenant";
import { receiverPool } from "../helpers/receiver";

let t: Awaited<ReturnType<typeof newTenant>>;
let reader: ReturnType<typeof client>;
const pool = receiverPool();
before(async () => {
  t = await newTenant("Header tenant");
  reader = client((await createApiKey(t.workspaceId, "read only", ["webhooks:read", "events:read", "deliveries:read"])).key);
});
after(async () => {
  await pool.closeAll();
  await db.$disconnect();
});


const CREDENTIAL = "Bearer rx-credential-7f3a9c";

test("signature header settings go through the same header checks as custom headers", async () => {
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ preset: "hex", header: "Host" }, "signature.header"],
    [{ preset: "hex", header: "Content-Type" }, "signature.header"],
    [{ preset: "hex", header: "Transfer-Encoding" }, "signature.header"],
    [{ preset: "hex", header: "Authorization" }, "signature.header"],
    [{ preset: "hex-with-timestamp-ms", timestamp_header: "Content-Length" }, "signature.timestamp_header"],
    [{ preset: "hex-with-timestamp-ms", event_header: "Connection" }, "signature.event_header"],
    [{ preset: "hex-with-timestamp-ms", event_header: "User-Agent" }, "signature.event_header"],
  ];
  for (const [signature, path] of cases) {
    const res = await t.api.post("/api/v1/webhooks", { url: "https://example.com/sig", events: ["*"], signature });
    assert.equal(res.status, 422, JSON.stringify(signature));
    assert.equal(res.body.error.code, "validation_failed");
    assert.deepEqual(res.body.error.details.map((d: { path: string }) => d.path), [path], JSON.stringify(res.body));
    assert.match(res.body.error.message, /set by HookRelay|cannot be/);
  }
  const ok = await t.api.post("/api/v1/webhooks", {
    url: "https://example.com/sig",
    events: ["*"],
    signature: { preset: "hex-with-timestamp-ms", header: "X-Sig", timestamp_header: "X-Sig-Time", event_header: "X-Event-Name" },
  });
  assert.equal(ok.status, 201, JSON.stringify(ok.body));
});

test("custom headers: hop-by-hop names and control characters are refused; Authorization is allowed", async () => {
  for (const name of ["Expect", "Keep-Alive", "Upgrade", "TE", "Trailer", "Proxy-Authorization", "Content-Length", "Transfer-Encoding"]) {
    const res = await t.api.post("/api/v1/webhooks", { url: "https://example.com/h", events: ["*"], custom_headers: { [name]: "x" } });
    assert.equal(res.status, 422, name);
    assert.deepEqual(res.body.error.details.map((d: { path: string }) => d.path), [`custom_headers.${name}`], name);
  }
  for (const value of ["a\u0000b", "a\u0007b", "a\u007fb", "a\rb", "a\nb"]) {
    const res = await t.api.post("/api/v1/webhooks", { url: "https://example.com/h", events: ["*"], custom_headers: { "X-Ok": value } });
    assert.equal(res.status, 422, JSON.stringify(value));
    assert.equal(res.body.error.details[0].path, "custom_headers.X-Ok");
    // NUL is refused by the JSON input check before the header rule sees it (lib/api/request-input.ts).
    assert.match(res.body.error.details[0].message, /control character|NUL/);
  }
  const badName = await t.api.post("/api/v1/webhooks", { url: "https://example.com/h", events: ["*"], custom_headers: { "X Bad": "x" } });
  assert.equal(badName.status, 422);
  const ok = await t.api.post("/api/v1/webhooks", { url: "https://example.com/h", events: ["*"], custom_headers: { Authorization: CREDENTIAL, "X-Tab": "a\tb" } });
  assert.equal(ok.status, 201, JSON.stringify(ok.body));
});

test("custom header values are masked in every answer, encrypted at rest, revealed with webhooks:write only", async () => {
  const created = await t.api.post("/api/v1/webhooks", {
    url: "https://example.com/masked",
    events: ["masked.*"],
    custom_headers: { Authorization: CREDENTIAL, "X-Env": "production" },
  });
  assert.equal(created.status, 201);
  const id = created.body.id;
  assert.deepEqual(created.body.custom_headers, { Authorization: "***", "X-Env": "***" });
  assert.deepEqual((await t.api.get(`/api/v1/webhooks/${id}`)).body.custom_headers, { Authorization: "***", "X-Env": "***" });
  assert.deepEqual((await reader.get(`/api/v1/webhooks/${id}`)).body.custom_headers, { Authorization: "***", "X-Env": "***" });
  const listed = (await reader.get("/api/v1/webhooks")).body.data.find((w: { id: string }) => w.id === id);
  assert.deepEqual(listed.custom_headers, { Authorization: "***", "X-Env": "***" });

  // At rest: nowhere in the row.
  const [row] = await db.$queryRaw<Array<{ text: string }>>`SELECT e::text AS text FROM "Endpoint" e WHERE id = ${id}`;
  assert.ok(!row.text.includes("rx-credential-7f3a9c"), row.text);
  assert.ok(!row.text.includes("production"), row.text);

  // Reveal: write scope only.
  const denied = await reader.get(`/api/v1/webhooks/${id}/custom-headers`);
  assert.equal(denied.status, 403);
  const revealed = await t.api.get(`/api/v1/webhooks/${id}/custom-headers`);
  assert.equal(revealed.status, 200);
  assert.equal(revealed.headers.get("cache-control"), "no-store");
  assert.deepEqual(revealed.body, { custom_headers: { Authorization: CREDENTIAL, "X-Env": "production" } });
  assert.equal((await client("hr_nope").get(`/api/v1/webhooks/${id}/custom-headers`)).status, 401);
});

test("PATCH with the masked value keeps the stored one; a masked value for a new header is refused", async () => {
  const { body: hook } = await t.api.post("/api/v1/webhooks", {
    url: "https://example.com/roundtrip",
    events: ["rt.*"],
    custom_headers: { Authorization: CREDENTIAL, "X-Env": "production" },
  });
  // What the settings form sends back after changing one value.
  const patched = await t.api.patch(`/api/v1/webhooks/${hook.id}`, { custom_headers: { Authorization: "***", "X-Env": "staging" } });
  assert.equal(patched.status, 200, JSON.stringify(patched.body));
  assert.deepEqual((await t.api.get(`/api/v1/webhooks/${hook.id}/custom-headers`)).body.custom_headers, { Authorization: CREDENTIAL, "X-Env": "staging" });
  // Other fields leave the headers alone.
  await t.api.patch(`/api/v1/webhooks/${hook.id}`, { timeout_sec: 7 });
  assert.deepEqual((await t.api.get(`/api/v1/webhooks/${hook.id}/custom-headers`)).body.custom_headers, { Authorization: CREDENTIAL, "X-Env": "staging" });

  const renamed = await t.api.patch(`/api/v1/webhooks/${hook.id}`, { custom_headers: { "X-Authorization": "***" } });
  assert.equal(renamed.status, 422);
  assert.equal(renamed.body.error.details[0].path, "custom_headers.X-Authorization");
  assert.match(renamed.body.error.details[0].message, /masked/);
  assert.deepEqual((await t.api.get(`/api/v1/webhooks/${hook.id}/custom-headers`)).body.custom_headers, { Authorization: CREDENTIAL, "X-Env": "staging" });

  const cleared = await t.api.patch(`/api/v1/webhooks/${hook.id}`, { custom_headers: null });
  assert.equal(cleared.body.custom_headers, undefined);
  assert.deepEqual((await t.api.get(`/api/v1/webhooks/${hook.id}/custom-headers`)).body.custom_headers, {});
});

test("the receiver gets the real value; the stored attempt, the logs and the test-send answer show it masked", async () => {
  const rx = await pool.start();
  const { body: hook } = await t.api.post("/api/v1/webhooks", { url: rx.url, events: ["carry.it"], custom_headers: { Authorization: CREDENTIAL } });
  const accepted = await t.api.post("/api/v1/events", { event: "carry.it", data: { n: 1 } });
  const [req] = await rx.waitFor(1);
  assert.equal(req.headers.authorization, CREDENTIAL);

  const attempt = await eventually(async () => db.attempt.findFirst({ where: { delivery: { eventId: accepted.body.id, endpointId: hook.id } } }), 10_000, "the attempt");
  assert.equal((attempt.requestHeaders as Record<string, string>).Authorization, "***");
  assert.ok(!JSON.stringify(attempt.requestHeaders).includes("rx-credential"));
  const logs = await reader.get(`/api/v1/webhooks/${hook.id}/logs`);
  assert.equal(logs.status, 200);
  assert.ok(!JSON.stringify(logs.body).includes("rx-credential"), JSON.stringify(logs.body));
  const detail = await reader.get(`/api/v1/deliveries/${attempt.deliveryId}`);
  assert.ok(!JSON.stringify(detail.body).includes("rx-credential"));

  const sent = await t.api.post(`/api/v1/webhooks/${hook.id}/test`, {});
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
  assert.equal(sent.body.request.headers.Authorization, "***");
  const [, testReq] = await rx.waitFor(2);
  assert.equal(testReq.headers.authorization, CREDENTIAL);
});

test("rows saved before encryption still deliver, read masked, and are sealed by the upgrade pass", async () => {
  const rx = await pool.start();
  const { body: hook } = await t.api.post("/api/v1/webhooks", { url: rx.url, events: ["legacy.it"] });
  // The stored shape before custom headers were encrypted: plaintext inside the policy JSON.
  await db.endpoint.update({ where: { id: hook.id }, data: { policy: { custom_headers: { "X-Legacy-Key": "legacy-plain-81" } } } });
  assert.deepEqual((await t.api.get(`/api/v1/webhooks/${hook.id}`)).body.custom_headers, { "X-Legacy-Key": "***" });
  await t.api.post("/api/v1/events", { event: "legacy.it", data: {} });
  const [req] = await rx.waitFor(1);
  assert.equal(req.headers["x-legacy-key"], "legacy-plain-81");

  await sealLegacyCustomHeaders();
  const [row] = await db.$queryRaw<Array<{ text: string }>>`SELECT e::text AS text FROM "Endpoint" e WHERE id = ${hook.id}`;
  assert.ok(!row.text.includes("legacy-plain-81"), row.text);
  assert.deepEqual((await t.api.get(`/api/v1/webhooks/${hook.id}/custom-headers`)).body.custom_headers, { "X-Legacy-Key": "legacy-plain-81" });
  await t.api.post("/api/v1/events", { event: "legacy.it", data: {} });
  const [, again] = await rx.waitFor(2);
  assert.equal(again.headers["x-legacy-key"], "legacy-plain-81");
});
