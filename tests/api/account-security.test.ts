// Accounts and keys against the real app: the sign-in rate limit can't be dodged with
// X-Forwarded-For, a key can't mint a stronger key, cookie-authenticated writes from
// another origin are refused, and the app's loopback aliases can sign in.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { call } from "../helpers/api";
import { newTenant } from "../helpers/tenant";
import { ORIGIN, signUp, type SessionUser } from "../helpers/session";

after(() => db.$disconnect());

const authPost = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  call("POST", path, { body, headers: { origin: ORIGIN, ...headers } });

describe("sign-in rate limit and client address", () => {
  let user: SessionUser;
  before(async () => {
    user = await signUp();
    // A fresh window: other files' sign-ups and sign-ins share the per-address counter.
    await new Promise((r) => setTimeout(r, 2100));
  });

  test("a different X-Forwarded-For on every attempt does not get around the limit", async () => {
    // 25 attempts, each claiming another client address, against 20 per 2 s (scripts/test.mjs).
    const attempts = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        authPost("/api/auth/sign-in/email", { email: user.email, password: "wrong password!" }, { "x-forwarded-for": `203.0.113.${i + 1}` }),
      ),
    );
    const limited = attempts.filter((r) => r.status === 429).length;
    assert.ok(limited >= 5, `expected at least 5 × 429, got statuses ${attempts.map((r) => r.status).join(",")}`);
    await new Promise((r) => setTimeout(r, 2100));
  });
});

describe("API key scopes", () => {
  test("a key can only mint keys with scopes it holds itself (403 naming the missing ones)", async () => {
    const t = await newTenant("Scope tenant", ["api_keys:write", "webhooks:read"]);
    const escalate = await t.api.post("/api/v1/api-keys", { name: "all of them", scopes: ["webhooks:read", "webhooks:write", "events:write"] });
    assert.equal(escalate.status, 403, JSON.stringify(escalate.body));
    assert.equal(escalate.body.error.code, "forbidden");
    assert.match(escalate.body.error.message, /webhooks:write/);
    assert.match(escalate.body.error.message, /events:write/);
    assert.doesNotMatch(escalate.body.error.message, /webhooks:read/);

    // Without "scopes" a key gets its creator's scopes, not every scope.
    const inherited = await t.api.post("/api/v1/api-keys", { name: "same as mine" });
    assert.equal(inherited.status, 201, JSON.stringify(inherited.body));
    assert.deepEqual([...inherited.body.scopes].sort(), ["api_keys:write", "webhooks:read"]);
    const subset = await t.api.post("/api/v1/api-keys", { name: "narrower", scopes: ["webhooks:read"] });
    assert.equal(subset.status, 201);
    assert.deepEqual(subset.body.scopes, ["webhooks:read"]);
  });

  test("a signed-in owner may grant every scope", async () => {
    const owner = await signUp();
    const res = await owner.req("POST", "/api/v1/api-keys", { name: "owner key", scopes: ["webhooks:write", "api_keys:write"] }, { origin: ORIGIN });
    assert.equal(res.status, 201, JSON.stringify(res.body));
  });
});

describe("cross-origin requests with the session cookie", () => {
  let user: SessionUser;
  let hookId: string;
  before(async () => {
    user = await signUp();
    const hook = await user.req("POST", "/api/v1/webhooks", { url: "http://127.0.0.1:9/hook", events: ["*"] });
    assert.equal(hook.status, 201, JSON.stringify(hook.body));
    hookId = hook.body.id;
  });

  test("POST, PATCH and DELETE from another origin (another port of the same host) are 403", async () => {
    const evil = { origin: new URL(ORIGIN).origin.replace(/:\d+$/, ":4999"), "sec-fetch-site": "same-site" };
    const patch = await user.req("PATCH", `/api/v1/webhooks/${hookId}`, { status: "disabled" }, evil);
    assert.equal(patch.status, 403, JSON.stringify(patch.body));
    assert.equal(patch.body.error.code, "forbidden");
    assert.match(patch.body.error.message, /origin/i);
    assert.equal((await user.req("POST", `/api/v1/webhooks/${hookId}/secret/rotate`, {}, evil)).status, 403);
    assert.equal((await user.req("DELETE", `/api/v1/webhooks/${hookId}`, undefined, evil)).status, 403);
    // Sec-Fetch-Site alone says so too (no Origin header).
    assert.equal((await user.req("PATCH", `/api/v1/webhooks/${hookId}`, { status: "disabled" }, { "sec-fetch-site": "cross-site" })).status, 403);
    assert.equal((await user.req("PATCH", `/api/v1/webhooks/${hookId}`, { status: "disabled" }, { origin: "null" })).status, 403);
    const still = await user.req("GET", `/api/v1/webhooks/${hookId}`);
    assert.equal(still.body.status, "active", "nothing changed");
  });

  test("reads from anywhere, same-origin writes, and writes without Origin (non-browser clients) are allowed", async () => {
    assert.equal((await user.req("GET", `/api/v1/webhooks/${hookId}`, undefined, { origin: "http://evil.example" })).status, 200);
    assert.equal((await user.req("PATCH", `/api/v1/webhooks/${hookId}`, { description: "same origin" }, { origin: ORIGIN })).status, 200);
    assert.equal((await user.req("PATCH", `/api/v1/webhooks/${hookId}`, { description: "fetch metadata" }, { "sec-fetch-site": "same-origin" })).status, 200);
    assert.equal((await user.req("PATCH", `/api/v1/webhooks/${hookId}`, { description: "curl" })).status, 200);
  });

  test("API-key requests are not affected by Origin", async () => {
    const t = await newTenant("Origin tenant");
    const res = await call("POST", "/api/v1/webhooks", { key: t.key, body: { url: "http://127.0.0.1:9/k", events: ["*"] }, headers: { origin: "http://evil.example" } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
  });
});

describe("loopback aliases of APP_URL", () => {
  test("signing in with Origin http://127.0.0.1:<port> works when APP_URL is http://localhost:<port>", async () => {
    const user = await signUp();
    const alias = new URL(ORIGIN);
    assert.equal(alias.hostname, "localhost", "the test run's APP_URL is http://localhost:<port>");
    alias.hostname = "127.0.0.1";
    const res = await call("POST", "/api/auth/sign-in/email", { body: { email: user.email, password: "correct horse battery" }, headers: { origin: alias.origin } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  });

  test("another origin is refused with a message naming the URL to use", async () => {
    const user = await signUp();
    const res = await call("POST", "/api/auth/sign-in/email", { body: { email: user.email, password: "correct horse battery" }, headers: { origin: "http://evil.example" } });
    assert.equal(res.status, 403);
    assert.ok(JSON.stringify(res.body).includes(new URL(ORIGIN).origin), JSON.stringify(res.body));
  });
});

