// SIGNUP=invite through better-auth's real sign-up endpoint, in this process (the test
// server runs with SIGNUP=open). Settings are read once, on first use: the app's modules
// are imported only after the setting is made.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";

process.env.SIGNUP = "invite";
let app: Awaited<ReturnType<typeof loadApp>>;
const loadApp = async () => ({
  ...(await import("@/lib/auth/auth")),
  ...(await import("@/lib/db")),
  ...(await import("@/lib/workspaces/invitations")),
  ...(await import("../helpers/members")),
  ...(await import("../helpers/tenant")),
  ...(await import("../helpers/auth-in-process")),
});
before(async () => {
  app = await loadApp();
});
after(() => app.db.$disconnect());

test("SIGNUP=invite: only the invited address, with its invitation's token, can sign up", async () => {
  const t = await app.newTenant("Invite-only");
  const owner = await app.addMember(t.workspaceId, "owner");
  const email = `invited-${randomBytes(4).toString("hex")}@example.test`;
  await app.inviteMember(t.workspaceId, { role: "owner", userId: owner.id }, email, "viewer");
  // The token is only in the email and the row keeps its hash: give the row one this test knows.
  const token = randomBytes(32).toString("base64url");
  await app.db.invitation.update({
    where: { workspaceId_email: { workspaceId: t.workspaceId, email } },
    data: { tokenHash: createHash("sha256").update(token).digest("hex") },
  });

  const without = await app.auth.handler(app.signUpRequest(email));
  assert.equal(without.status, 403);
  assert.match((await without.json()).message, /invitation/);
  const otherEmail = await app.auth.handler(app.signUpRequest(`uninvited-${randomBytes(4).toString("hex")}@example.test`, token));
  assert.equal(otherEmail.status, 403, "the token is for another address");
  const ok = await app.auth.handler(app.signUpRequest(email, token));
  assert.equal(ok.status, 200, await ok.clone().text());
  assert.equal(await app.db.user.count({ where: { email } }), 1);
});
