// SIGNUP=closed through better-auth's real sign-up endpoint, in this process (the test
// server runs with SIGNUP=open). Settings are read once, on first use: the app's modules
// are imported only after the setting is made.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";

process.env.SIGNUP = "closed";
let app: Awaited<ReturnType<typeof loadApp>>;
const loadApp = async () => ({
  ...(await import("@/lib/auth/auth")),
  ...(await import("@/lib/db")),
  ...(await import("../helpers/auth-in-process")),
});
before(async () => {
  app = await loadApp();
});
after(() => app.db.$disconnect());

test("SIGNUP=closed: sign-up is refused with 403 and a message saying so; no user is created", async () => {
  const email = `closed-${randomBytes(4).toString("hex")}@example.test`;
  const res = await app.auth.handler(app.signUpRequest(email));
  assert.equal(res.status, 403);
  const body = await res.json();
  assert.equal(body.code, "SIGNUP_CLOSED");
  assert.match(body.message, /closed/);
  assert.equal(await app.db.user.count({ where: { email } }), 0);
});
