// Sign-up and email verification settings (lib/auth/account-policy.ts): the test server
// runs with one value of each, so every value's decision is checked here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { emailVerification, signupRefusal } from "@/lib/auth/account-policy";

test("SIGNUP=open lets anyone sign up; closed refuses everyone, saying so; invite only the invited", () => {
  assert.equal(signupRefusal("open", false), null);
  assert.match(signupRefusal("closed", false)!, /closed/);
  assert.match(signupRefusal("closed", true)!, /closed/);
  assert.match(signupRefusal("invite", false)!, /invitation/);
  assert.equal(signupRefusal("invite", true), null);
});

test("EMAIL_VERIFICATION=auto requires verification only when SMTP_URL is set", () => {
  assert.deepEqual(emailVerification("auto", true), { send: true, required: true });
  assert.deepEqual(emailVerification("auto", false), { send: false, required: false });
  assert.deepEqual(emailVerification("required", true), { send: true, required: true });
  assert.deepEqual(emailVerification("optional", true), { send: true, required: false });
  assert.deepEqual(emailVerification("off", true), { send: false, required: false });
});
