// Quotas: a workspace (or a user) cannot create unbounded webhooks, API keys,
// event types, hidden callback endpoints or workspaces. Over the quota the API
// answers 422 quota_exceeded naming the quota and its setting; nothing else
// changes. The limits are the test server's own settings (lib/config.ts).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { config } from "@/lib/config";
import { newId } from "@/lib/ids";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { newTenant } from "../helpers/tenant";
import { signUp } from "../helpers/session";

after(() => db.$disconnect());

type Api = Awaited<ReturnType<typeof newTenant>>["api"];

/** `count` POSTs, a few at a time; every one must answer 201. */
async function createMany(count: number, make: (i: number) => Promise<{ status: number; body: unknown }>) {
  for (let i = 0; i < count; i += 10) {
    const batch = await Promise.all(Array.from({ length: Math.min(10, count - i) }, (_, j) => make(i + j)));
    for (const r of batch) assert.equal(r.status, 201, JSON.stringify(r.body));
  }
}

function assertQuota(res: { status: number; body: any }, setting: string, limit: number) {
  assert.equal(res.status, 422, JSON.stringify(res.body));
  assert.equal(res.body.error.code, "quota_exceeded");
  assert.ok(res.body.error.message.includes(setting), res.body.error.message);
  assert.ok(res.body.error.message.includes(String(limit)), res.body.error.message);
  assert.equal(res.body.error.details[0].path, setting);
}

const webhook = (api: Api, i: number) => api.post("/api/v1/webhooks", { url: `https://example.com/quota/${i}`, events: ["quota.test"] });

test("webhooks per workspace: the one past MAX_WEBHOOKS_PER_WORKSPACE is refused; deleting one makes room", async () => {
  const limit = config().MAX_WEBHOOKS_PER_WORKSPACE;
  const t = await newTenant("Webhook quota");
  await createMany(limit, (i) => webhook(t.api, i));
  assertQuota(await webhook(t.api, limit), "MAX_WEBHOOKS_PER_WORKSPACE", limit);
  assert.equal((await t.api.get("/api/v1/webhooks")).body.data.length, limit);

  const first = (await t.api.get("/api/v1/webhooks")).body.data[0];
  assert.equal((await t.api.delete(`/api/v1/webhooks/${first.id}`)).status, 204);
  assert.equal((await webhook(t.api, limit + 1)).status, 201);
});

test("concurrent creations do not overshoot the webhook quota", async () => {
  const limit = config().MAX_WEBHOOKS_PER_WORKSPACE;
  const t = await newTenant("Webhook quota race");
  await createMany(limit - 5, (i) => webhook(t.api, i));
  const racing = await Promise.all(Array.from({ length: 20 }, (_, i) => webhook(t.api, 1000 + i)));
  assert.equal(racing.filter((r) => r.status === 201).length, 5);
  assert.equal(racing.filter((r) => r.status === 422).length, 15);
  assert.equal(await db.endpoint.count({ where: { workspaceId: t.workspaceId, kind: "webhook" } }), limit);
});

test("API keys per workspace: revoked keys do not count", async () => {
  const limit = config().MAX_API_KEYS_PER_WORKSPACE;
  const t = await newTenant("API key quota"); // holds one key already
  await createMany(limit - 1, (i) => t.api.post("/api/v1/api-keys", { name: `key ${i}` }));
  const over = await t.api.post("/api/v1/api-keys", { name: "one too many" });
  assertQuota(over, "MAX_API_KEYS_PER_WORKSPACE", limit);
  const keys = (await t.api.get("/api/v1/api-keys")).body.data;
  const spare = keys.find((k: any) => k.name === "key 0");
  assert.equal((await t.api.delete(`/api/v1/api-keys/${spare.id}`)).status, 200);
  assert.equal((await t.api.post("/api/v1/api-keys", { name: "replacement" })).status, 201);
});

test("event types per workspace", async () => {
  const limit = config().MAX_EVENT_TYPES_PER_WORKSPACE;
  const t = await newTenant("Event type quota");
  await createMany(limit, (i) => t.api.post("/api/v1/event-types", { name: `quota.type_${i}` }));
  assertQuota(await t.api.post("/api/v1/event-types", { name: "quota.one_more" }), "MAX_EVENT_TYPES_PER_WORKSPACE", limit);
});

test("hidden callback endpoints per workspace: a new webhook_url past the quota is refused, known ones still work", async () => {
  const limit = config().MAX_CALLBACK_ENDPOINTS_PER_WORKSPACE;
  const t = await newTenant("Callback quota");
  const known = "https://example.com/callback/known";
  const first = await t.api.post("/api/v1/events", { event: "quota.callback", data: {}, webhook_url: known });
  assert.equal(first.status, 202, JSON.stringify(first.body));
  // The rest of the quota is filled directly: a thousand ingests would only slow the test down.
  await db.endpoint.createMany({
    data: Array.from({ length: limit - 1 }, (_, i) => ({
      id: newId("wh"),
      workspaceId: t.workspaceId,
      kind: "callback" as const,
      url: `https://example.com/callback/${i}`,
      eventTypes: ["*"],
      secretEncrypted: encryptSecret("unused-secret"),
    })),
  });
  // Only this test's type: the first callback's delivery fails (no such receiver) and may emit
  // a delivery.exhausted operational event into the workspace at any moment.
  const producerEvents = { workspaceId: t.workspaceId, type: "quota.callback" };
  const events = await db.event.count({ where: producerEvents });
  const over = await t.api.post("/api/v1/events", { event: "quota.callback", data: {}, webhook_url: "https://example.com/callback/new" });
  assertQuota(over, "MAX_CALLBACK_ENDPOINTS_PER_WORKSPACE", limit);
  assert.equal(await db.event.count({ where: producerEvents }), events, "a refused event is not stored");
  assert.equal((await t.api.post("/api/v1/events", { event: "quota.callback", data: {}, webhook_url: known })).status, 202);
});

test("workspaces a user owns: MAX_WORKSPACES_PER_USER counts the sign-up one", async () => {
  const limit = config().MAX_WORKSPACES_PER_USER;
  const user = await signUp();
  for (let i = 1; i < limit; i++) assert.equal((await user.req("POST", "/api/v1/workspaces", { name: `Team ${i}` })).status, 201);
  assertQuota(await user.req("POST", "/api/v1/workspaces", { name: "One too many" }), "MAX_WORKSPACES_PER_USER", limit);
  assert.equal((await user.req("GET", "/api/v1/workspaces")).body.data.length, limit);
});
