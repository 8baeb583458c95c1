// HSTS is sent only by a production install served over https (APP_URL): on plain http it
// would make browsers refuse the site. The running test app is http, so this checks the
// https case on the header builder itself, in this test's own process and configuration.
import { test } from "node:test";
import assert from "node:assert/strict";

test("production over https adds Strict-Transport-Security; the other headers stay", async () => {
  Object.assign(process.env, { NODE_ENV: "production", APP_URL: "https://hooks.example.com" });
  const { securityHeaders } = await import("@/lib/http/security-headers");
  const headers = securityHeaders("/webhooks");
  assert.equal(headers["Strict-Transport-Security"], "max-age=31536000; includeSubDomains");
  assert.match(headers["Content-Security-Policy"], /frame-ancestors 'none'/);
  assert.doesNotMatch(headers["Content-Security-Policy"], /unsafe-eval/, "no eval in production");
  assert.equal(headers["Cache-Control"], undefined, "pages keep Next.js's own caching");
  assert.equal(securityHeaders("/api/v1/webhooks")["Cache-Control"], "no-store");
});
