// Secrets never reach a log line, whatever object carries them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { createLogger } from "@/lib/logger";

test("secrets, passwords, tokens and credentials are redacted", () => {
  let out = "";
  const sink = new Writable({ write: (chunk, _enc, cb) => ((out += chunk.toString()), cb()) });
  const log = createLogger(sink);
  log.warn({ secret: "whsec_TOPSECRET1" }, "a");
  log.warn({ endpoint: { url: "https://x", secret: "whsec_TOPSECRET2", secretEncrypted: "v1:ENCRYPTED3" } }, "b");
  log.warn({ req: { headers: { authorization: "Bearer hr_TOPSECRET4", cookie: "session=TOPSECRET5" } } }, "c");
  log.warn({ body: { password: "TOPSECRET6", token: "TOPSECRET7" } }, "d");
  log.warn({ ws: { callbackSecretEncrypted: "v1:TOPSECRET8" }, key: { apiKey: "hr_TOPSECRET9" } }, "e");
  for (let i = 1; i <= 9; i++) assert.ok(!out.includes(`SECRET${i}`) && !out.includes(`ENCRYPTED${i}`), `secret ${i} leaked: ${out}`);
  assert.equal((out.match(/\[redacted\]/g) ?? []).length, 9);
  assert.match(out, /https:\/\/x/, "the rest of the object is kept");
});

test("custom header values (receiver credentials) are redacted wherever a webhook or its policy is logged", () => {
  let out = "";
  const sink = new Writable({ write: (chunk, _enc, cb) => ((out += chunk.toString()), cb()) });
  const log = createLogger(sink);
  log.warn({ custom_headers: { "X-API-Key": "TOPSECRET1" } }, "a");
  log.warn({ input: { url: "https://x", custom_headers: { Authorization: "TOPSECRET2" } } }, "b");
  log.warn({ endpoint: { policy: { custom_headers: { "X-Token": "TOPSECRET3" } }, customHeadersEncrypted: "v1:ENCRYPTED4" } }, "c");
  for (let i = 1; i <= 4; i++) assert.ok(!out.includes(`SECRET${i}`) && !out.includes(`ENCRYPTED${i}`), `secret ${i} leaked: ${out}`);
  assert.match(out, /https:\/\/x/);
});
