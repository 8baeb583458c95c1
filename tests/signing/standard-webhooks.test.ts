import { test } from "node:test";
import assert from "node:assert/strict";
import { Webhook } from "standardwebhooks";
import { generateSecret, sign, standardWebhookHeaders } from "@/lib/signing/standard-webhooks";

test("matches the Standard Webhooks test vector", () => {
  const signature = sign(
    "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    "msg_p5jXN8AQM9LWM0D4loKWxJek",
    1614265330,
    '{"test": 2432232314}',
  );
  assert.equal(signature, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
});

test("generated secrets have the whsec_ format and verify with the standardwebhooks package", () => {
  const secret = generateSecret();
  assert.match(secret, /^whsec_[A-Za-z0-9+/]{32}$/);
  const body = JSON.stringify({ hello: "world" });
  const now = Math.floor(Date.now() / 1000);
  const headers = standardWebhookHeaders([secret], "evt_1", now, body);
  assert.deepEqual(new Webhook(secret).verify(body, headers), { hello: "world" });
});

test("a tampered body fails verification", () => {
  const secret = generateSecret();
  const now = Math.floor(Date.now() / 1000);
  const headers = standardWebhookHeaders([secret], "evt_1", now, '{"a":1}');
  assert.throws(() => new Webhook(secret).verify('{"a":2}', headers));
});

test("two secrets give two signatures, each verifiable (rotation)", () => {
  const [oldS, newS] = [generateSecret(), generateSecret()];
  const now = Math.floor(Date.now() / 1000);
  const headers = standardWebhookHeaders([oldS, newS], "evt_1", now, "{}");
  assert.equal(headers["webhook-signature"].split(" ").length, 2);
  assert.doesNotThrow(() => new Webhook(oldS).verify("{}", headers));
  assert.doesNotThrow(() => new Webhook(newS).verify("{}", headers));
});

test("a user-chosen (non-whsec) secret signs with its raw bytes", () => {
  const now = Math.floor(Date.now() / 1000);
  const headers = standardWebhookHeaders(["your-webhook-secret-key"], "evt_1", now, "{}");
  const wh = new Webhook("your-webhook-secret-key", { format: "raw" });
  assert.doesNotThrow(() => wh.verify("{}", headers));
});
