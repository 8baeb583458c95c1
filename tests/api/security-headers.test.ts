// Security headers (issue 10 item 17) on pages, API answers and the server's own refusals:
// a CSP that forbids framing, nosniff, a Referrer-Policy, X-Frame-Options, and no caching of
// API answers (some carry secrets). HSTS is production-over-https only: the test app runs
// on plain http, so it must not send it (a browser would pin http://localhost to https).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { BASE_URL, call } from "../helpers/api";
import { newTenant } from "../helpers/tenant";

let t: Awaited<ReturnType<typeof newTenant>>;
before(async () => {
  t = await newTenant("Headers tenant");
});
after(() => db.$disconnect());

function assertSecurityHeaders(where: string, headers: Headers) {
  const csp = headers.get("content-security-policy") ?? "";
  assert.match(csp, /frame-ancestors 'none'/, `${where}: CSP ${csp}`);
  assert.match(csp, /default-src 'self'/, `${where}: CSP ${csp}`);
  assert.match(csp, /object-src 'none'/, `${where}: CSP ${csp}`);
  assert.equal(headers.get("x-frame-options"), "DENY", where);
  assert.equal(headers.get("x-content-type-options"), "nosniff", where);
  assert.equal(headers.get("referrer-policy"), "strict-origin-when-cross-origin", where);
  assert.equal(headers.get("strict-transport-security"), null, `${where}: no HSTS over plain http`);
}

test("pages carry the security headers", async () => {
  for (const path of ["/login", "/"]) {
    const res = await fetch(BASE_URL + path, { redirect: "manual" });
    assert.ok(res.status < 500, `${path}: ${res.status}`);
    assertSecurityHeaders(path, res.headers);
  }
});

test("API answers carry them too, and are never cached", async () => {
  const created = await t.api.post("/api/v1/webhooks", { url: "https://example.com/headers", events: ["*"] });
  assert.equal(created.status, 201);
  assert.ok(created.body.secret, "the create answer carries the signing secret");
  for (const [what, res] of [
    ["webhook create", created],
    ["secret reveal", await t.api.get(`/api/v1/webhooks/${created.body.id}/secret`)],
    ["api-key create", await t.api.post("/api/v1/api-keys", { name: "headers" })],
    ["list", await t.api.get("/api/v1/webhooks")],
    ["401", await call("GET", "/api/v1/webhooks")],
    ["auth", await call("GET", "/api/auth/get-session")],
  ] as const) {
    assertSecurityHeaders(what, res.headers);
    assert.match(res.headers.get("cache-control") ?? "", /no-store/, `${what}: cache-control ${res.headers.get("cache-control")}`);
  }
});

test("the server's own 413 carries them too", async () => {
  const res = await fetch(BASE_URL + "/api/auth/sign-in/email", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "x".repeat(2 * 1024 * 1024) }),
  });
  assert.equal(res.status, 413);
  assertSecurityHeaders("413", res.headers);
});
