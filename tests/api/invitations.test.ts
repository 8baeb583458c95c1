// Invitations and leaving, over real HTTP and a real SMTP inbox: an owner invites by
// email, the invitee follows the emailed link and accepts; the answer never tells
// whether an email has an account; anyone, viewers included, can leave.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { BASE_URL } from "../helpers/api";
import { ORIGIN, signUp, type SessionUser } from "../helpers/session";
import { startInbox, type Inbox } from "../helpers/smtp-inbox";

let inbox: Inbox;
before(async () => {
  inbox = await startInbox();
});
after(async () => {
  await inbox.close();
  await db.$disconnect();
});

/** The accept link of the invitation mailed to `email`: APP_URL/invitations/<token>. */
async function invitationLink(email: string) {
  const mail = await inbox.waitFor((m) => m.to.includes(email) && /invit/i.test(m.subject));
  const link = new RegExp(`${ORIGIN}/invitations/([A-Za-z0-9_-]{20,})`).exec(mail.text);
  assert.ok(link, `the email links to ${ORIGIN}/invitations/<token>: ${mail.text}`);
  return { mail, token: link[1] };
}

const activeWorkspace = async (u: SessionUser) => (await u.req("GET", "/api/v1/workspaces")).body.data.find((w: any) => w.active).id;

describe("invitations", () => {
  let alice: SessionUser;
  let bob: SessionUser;
  let carol: SessionUser;
  let aliceWs: string;

  before(async () => {
    [alice, bob, carol] = [await signUp(), await signUp(), await signUp()];
    aliceWs = await activeWorkspace(alice);
  });

  test("inviting answers 202 the same way whether or not the email has an account, and adds no one yet", async () => {
    const stranger = `nobody-${randomBytes(4).toString("hex")}@example.test`;
    const known = await alice.req("POST", "/api/v1/members", { email: bob.email, role: "admin" });
    const unknown = await alice.req("POST", "/api/v1/members", { email: stranger, role: "admin" });
    assert.equal(known.status, 202, JSON.stringify(known.body));
    assert.equal(unknown.status, 202, JSON.stringify(unknown.body));
    assert.deepEqual(Object.keys(known.body).sort(), Object.keys(unknown.body).sort());
    assert.deepEqual(Object.keys(known.body.data).sort(), Object.keys(unknown.body.data).sort());
    assert.equal(known.body.data.email, bob.email);
    const members = (await alice.req("GET", "/api/v1/members")).body.data;
    assert.ok(!members.some((m: any) => m.email === bob.email), "bob is not a member before accepting");
    // Both got an email with a link.
    await invitationLink(bob.email);
    await invitationLink(stranger);

    const pending = await alice.req("GET", "/api/v1/invitations");
    assert.equal(pending.status, 200);
    const emails = pending.body.data.map((i: any) => i.email).sort();
    assert.deepEqual(emails, [bob.email, stranger].sort());
    const days = (Date.parse(pending.body.data[0].expires_at) - Date.now()) / 86_400_000;
    assert.ok(days > 6.9 && days <= 7, `expires in 7 days (${days})`);
  });

  test("only the invitee can accept; accepting makes them a member with the invited role, once", async () => {
    const { token, mail } = await invitationLink(bob.email);
    assert.match(mail.text, /admin/);
    const wrong = await carol.req("POST", "/api/v1/invitations/accept", { token });
    assert.equal(wrong.status, 403, JSON.stringify(wrong.body));
    assert.match(wrong.body.error.message, /another email/i);

    const accepted = await bob.req("POST", "/api/v1/invitations/accept", { token });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal(accepted.body.workspace_id, aliceWs);
    assert.equal(accepted.body.role, "admin");
    // The joined workspace becomes the active one.
    assert.equal(await activeWorkspace(bob), aliceWs);
    const me = (await alice.req("GET", "/api/v1/members")).body.data.find((m: any) => m.email === bob.email);
    assert.equal(me.role, "admin");
    assert.equal((await bob.req("POST", "/api/v1/invitations/accept", { token })).status, 404, "a used invitation is gone");
    assert.ok(!(await alice.req("GET", "/api/v1/invitations")).body.data.some((i: any) => i.email === bob.email));
  });

  test("an admin can't invite owners; a viewer can't invite; an existing member is a 409", async () => {
    const asOwner = await bob.req("POST", "/api/v1/members", { email: carol.email, role: "owner" });
    assert.equal(asOwner.status, 403);
    assert.match(asOwner.body.error.message, /owner/);
    assert.equal((await alice.req("POST", "/api/v1/members", { email: bob.email, role: "viewer" })).status, 409);
    const bad = await alice.req("POST", "/api/v1/members", { email: "not an email", role: "viewer" });
    assert.equal(bad.status, 422);
  });

  test("revoked and expired invitations can't be accepted", async () => {
    const invited = await alice.req("POST", "/api/v1/members", { email: carol.email, role: "viewer" });
    const { token } = await invitationLink(carol.email);
    const revoke = await alice.req("DELETE", `/api/v1/invitations/${invited.body.data.id}`);
    assert.equal(revoke.status, 204);
    assert.equal((await carol.req("POST", "/api/v1/invitations/accept", { token })).status, 404);
    assert.equal((await alice.req("DELETE", `/api/v1/invitations/${invited.body.data.id}`)).status, 404, "already revoked");

    inbox.mails.length = 0;
    const again = await alice.req("POST", "/api/v1/members", { email: carol.email, role: "viewer" });
    assert.equal(again.status, 202);
    const second = await invitationLink(carol.email);
    await db.invitation.update({ where: { id: again.body.data.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await carol.req("POST", "/api/v1/invitations/accept", { token: second.token });
    assert.equal(expired.status, 404);
    assert.match(expired.body.error.message, /expired|revoked/);
    assert.ok(!(await alice.req("GET", "/api/v1/invitations")).body.data.some((i: any) => i.email === carol.email), "expired ones are not listed as pending");
  });

  test("another workspace's invitations are neither listed nor revocable (404)", async () => {
    const pending = await alice.req("POST", "/api/v1/members", { email: `later-${randomBytes(4).toString("hex")}@example.test`, role: "viewer" });
    const list = await carol.req("GET", "/api/v1/invitations");
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.data, []);
    assert.equal((await carol.req("DELETE", `/api/v1/invitations/${pending.body.data.id}`)).status, 404);
    assert.ok((await alice.req("GET", "/api/v1/invitations")).body.data.some((i: any) => i.id === pending.body.data.id), "still pending");
  });
});

describe("leaving a workspace", () => {
  test("a viewer can leave; the last owner can't (409)", async () => {
    const [owner, viewer] = [await signUp(), await signUp()];
    const ws = await activeWorkspace(owner);
    await owner.req("POST", "/api/v1/members", { email: viewer.email, role: "viewer" });
    const { token } = await invitationLink(viewer.email);
    assert.equal((await viewer.req("POST", "/api/v1/invitations/accept", { token })).status, 200);
    assert.equal(await activeWorkspace(viewer), ws);

    const left = await viewer.req("POST", "/api/v1/members/leave");
    assert.equal(left.status, 204, JSON.stringify(left.body));
    assert.ok(!(await owner.req("GET", "/api/v1/members")).body.data.some((m: any) => m.email === viewer.email));
    assert.notEqual(await activeWorkspace(viewer), ws, "back in their own workspace");

    const last = await owner.req("POST", "/api/v1/members/leave");
    assert.equal(last.status, 409);
    assert.match(last.body.error.message, /owner/);
  });
});

describe("email verification (EMAIL_VERIFICATION=optional in the test run)", () => {
  test("sign-up emails a link that marks the address verified", async () => {
    const user = await signUp();
    const mail = await inbox.waitFor((m) => m.to.includes(user.email) && /verify/i.test(m.subject));
    const link = /(https?:\/\/\S+\/api\/auth\/verify-email\?token=\S+)/.exec(mail.text);
    assert.ok(link, mail.text);
    assert.equal((await db.user.findUniqueOrThrow({ where: { email: user.email } })).emailVerified, false);
    const res = await fetch(link[1].replace(new URL(link[1]).origin, BASE_URL), { redirect: "manual" });
    assert.ok(res.status < 400, `verify-email answered ${res.status}`);
    assert.equal((await db.user.findUniqueOrThrow({ where: { email: user.email } })).emailVerified, true);
  });
});
