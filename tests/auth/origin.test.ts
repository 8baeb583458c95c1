// The origin decision shared by sign-in, cookie-authenticated API writes and live-feed
// upgrades (lib/auth/origin.ts). APP_URL is the test run's http://localhost:<port>.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appOrigins, isTrustedOrigin } from "@/lib/auth/origin";

test("APP_URL on a loopback name also trusts the other loopback names on its port", () => {
  assert.deepEqual(appOrigins("http://localhost:3000"), ["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000"]);
  assert.deepEqual(appOrigins("http://127.0.0.1:8080/"), ["http://127.0.0.1:8080", "http://localhost:8080", "http://[::1]:8080"]);
  assert.deepEqual(appOrigins("https://hooks.example.com"), ["https://hooks.example.com"]);
});

const app = appOrigins()[0];
const other = app.replace(/:\d+$/, ":4999");

test("Origin, when sent, must be one of the app's", () => {
  assert.equal(isTrustedOrigin(new Headers({ origin: app }), "production"), true);
  assert.equal(isTrustedOrigin({ origin: app.replace("localhost", "127.0.0.1") }, "production"), true);
  assert.equal(isTrustedOrigin(new Headers({ origin: other, "sec-fetch-site": "same-site" }), "production"), false);
  assert.equal(isTrustedOrigin({ origin: "null" }, "production"), false);
  assert.equal(isTrustedOrigin({ origin: "http://evil.example", "sec-fetch-site": "same-origin" }, "production"), false);
});

test("without Origin, Sec-Fetch-Site decides; with neither it is not a browser", () => {
  assert.equal(isTrustedOrigin({ "sec-fetch-site": "same-origin" }, "production"), true);
  assert.equal(isTrustedOrigin({ "sec-fetch-site": "none" }, "production"), true);
  assert.equal(isTrustedOrigin({ "sec-fetch-site": "same-site" }, "production"), false);
  assert.equal(isTrustedOrigin({ "sec-fetch-site": "cross-site" }, "production"), false);
  assert.equal(isTrustedOrigin({}, "production"), true);
});

test("in development the address the server was reached at is trusted too, in production it is not", () => {
  const lan = { origin: "http://192.168.1.20:3000", host: "192.168.1.20:3000" };
  assert.equal(isTrustedOrigin(lan, "development"), true);
  assert.equal(isTrustedOrigin(lan, "production"), false);
  assert.equal(isTrustedOrigin({ origin: "http://evil.example", host: "192.168.1.20:3000" }, "development"), false);
});
