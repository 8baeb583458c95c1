// Every /api/v1 route (from the same registry the OpenAPI document is built
// from) × no credentials, a key without the route's scope, a viewer's session,
// and another workspace's ids.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { API_CONTRACTS } from "@/lib/api/contracts";
import { ALL_SCOPES } from "@/lib/api/scopes";
import { call, client, eventually } from "../helpers/api";
import { newTenant } from "../helpers/tenant";
import { signUp, type SessionUser } from "../helpers/session";
import { addMemberByEmail } from "../helpers/members";

let owner: Awaited<ReturnType<typeof newTenant>>;
let stranger: Awaited<ReturnType<typeof newTenant>>;
let viewer: SessionUser;
const ids: Record<string, string> = {};

const guarded = API_CONTRACTS.filter((r) => r.scope !== null);
const fill = (path: string, values: Record<string, string>) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? `x_${name}`));

before(async () => {
  owner = await newTenant("Matrix owner");
  stranger = await newTenant("Matrix stranger");
  viewer = await signUp();
  await addMemberByEmail(owner.workspaceId, viewer.email, "viewer");
  const ws = await viewer.req("POST", "/api/v1/workspaces/switch", { workspace_id: owner.workspaceId });
  assert.equal(ws.status, 200, JSON.stringify(ws.body));

  // One of each resource in the owner's workspace, for the cross-workspace checks.
  const hook = await owner.api.post("/api/v1/webhooks", { url: "https://example.com/matrix", events: ["matrix.*"] });
  ids.webhook = hook.body.id;
  const ev = await owner.api.post("/api/v1/events", { event: "matrix.created", data: {} });
  ids.event = ev.body.id;
  const delivery = await eventually(async () => db.delivery.findFirst({ where: { eventId: ids.event } }), 5000, "a delivery");
  ids.delivery = delivery.id;
  const attempt = await eventually(async () => db.attempt.findFirst({ where: { deliveryId: ids.delivery } }), 10_000, "an attempt");
  ids.attempt = attempt.id;
  ids.apiKey = (await owner.api.post("/api/v1/api-keys", { name: "matrix" })).body.id;
  ids.recover = (await owner.api.post(`/api/v1/webhooks/${ids.webhook}/recover`, { since: new Date(0).toISOString() })).body.id;
  await owner.api.post("/api/v1/event-types", { name: "matrix.custom", description: "x" });
});
after(() => db.$disconnect());

test("no credentials: 401 on every guarded route", async () => {
  for (const r of guarded) {
    const res = await call(r.method.toUpperCase(), fill(r.path, {}), r.body ? { body: {} } : {});
    assert.equal(res.status, 401, `${r.method} ${r.path}`);
    assert.equal(res.body.error.code, "unauthorized");
  }
});

test("a key without the route's scope: 403 on every guarded route", async () => {
  for (const r of guarded) {
    const scopes = ALL_SCOPES.filter((s) => s !== r.scope);
    const { body } = await owner.api.post("/api/v1/api-keys", { name: `without ${r.scope}`, scopes });
    const res = await call(r.method.toUpperCase(), fill(r.path, {}), { key: body.key, ...(r.body ? { body: {} } : {}) });
    assert.equal(res.status, 403, `${r.method} ${r.path} without ${r.scope}`);
    // Revoked keys leave the workspace's key quota (MAX_API_KEYS_PER_WORKSPACE) free for the next route.
    await owner.api.delete(`/api/v1/api-keys/${body.id}`);
  }
});

test("a viewer's session: 403 on every write, never a change", async () => {
  for (const r of guarded.filter((x) => x.scope!.endsWith(":write"))) {
    const res = await viewer.req(r.method.toUpperCase(), fill(r.path, { id: ids.webhook, name: "matrix.custom" }), r.body ? {} : undefined);
    assert.equal(res.status, 403, `${r.method} ${r.path}`);
  }
  const hook = await owner.api.get(`/api/v1/webhooks/${ids.webhook}`);
  assert.equal(hook.body.status, "active");
  // and reads work
  assert.equal((await viewer.req("GET", "/api/v1/webhooks")).status, 200);
});

test("another workspace's ids are 404 on every route that takes one", async () => {
  const outsider = client(stranger.key);
  const paramFor: Record<string, Record<string, string>> = {
    "/api/v1/webhooks/": { id: ids.webhook },
    "/api/v1/events/": { id: ids.event },
    "/api/v1/deliveries/": { id: ids.delivery },
    "/api/v1/attempts/": { id: ids.attempt },
    "/api/v1/api-keys/": { id: ids.apiKey },
    "/api/v1/recover-jobs/": { id: ids.recover },
    "/api/v1/event-types/": { name: "matrix.custom" },
  };
  let checked = 0;
  for (const r of guarded.filter((x) => /\{(id|name)\}/.test(x.path))) {
    const prefix = Object.keys(paramFor).find((p) => r.path.startsWith(p));
    if (!prefix) continue;
    const res = await call(r.method.toUpperCase(), fill(r.path, paramFor[prefix]), { key: stranger.key, ...(r.body ? { body: validBodyFor(r.path) } : {}) });
    assert.equal(res.status, 404, `${r.method} ${r.path}: ${JSON.stringify(res.body)}`);
    checked++;
  }
  assert.ok(checked >= 15, `${checked} routes checked`);
  assert.equal((await outsider.get("/api/v1/webhooks")).body.data.some((w: any) => w.id === ids.webhook), false);
});

// Bodies that pass validation, so the 404 (not a 422) is what answers.
function validBodyFor(path: string): unknown {
  if (path.endsWith("/recover")) return { since: new Date(0).toISOString() };
  if (path.endsWith("/secret/rotate")) return {};
  if (path.endsWith("/replay")) return {};
  if (path.endsWith("/test")) return {};
  if (path.startsWith("/api/v1/event-types/")) return { description: "changed" };
  return { events: ["*"] };
}
