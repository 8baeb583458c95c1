// Accounts and workspaces over real HTTP: users sign up through better-auth's own
// endpoint and then call /api/v1 with the session cookie, as the dashboard does.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { call } from "../helpers/api";
import { newTenant } from "../helpers/tenant";
import { addMemberByEmail } from "../helpers/members";
import { ORIGIN, signUp, type SessionUser } from "../helpers/session";

after(() => db.$disconnect());

const authPost = (path: string, body: unknown) => call("POST", path, { body, headers: { origin: ORIGIN } });

type User = SessionUser;

const activeOf = (body: any) => body.data.find((w: any) => w.active);

describe("accounts and workspaces", () => {
  let alice: User;
  let bob: User;
  let aliceWs: string;
  let bobWs: string;

  before(async () => {
    alice = await signUp();
    bob = await signUp();
  });

  test("sign-up gives the user a first workspace they own", async () => {
    const res = await alice.req("GET", "/api/v1/workspaces");
    assert.equal(res.status, 200);
    assert.equal(res.body.data.length, 1);
    assert.equal(res.body.data[0].role, "owner");
    assert.equal(res.body.data[0].active, true);
    aliceWs = res.body.data[0].id;
    bobWs = activeOf((await bob.req("GET", "/api/v1/workspaces")).body).id;
    assert.notEqual(aliceWs, bobWs);
  });

  test("passwords shorter than 10 or longer than 128 characters are refused", async () => {
    const res = await authPost("/api/auth/sign-up/email", { email: `short-${randomBytes(4).toString("hex")}@example.test`, password: "short", name: "x" });
    assert.equal(res.status, 400);
    assert.equal(res.body.code, "PASSWORD_TOO_SHORT");
    // And a cap, so nobody makes the server hash megabytes.
    const long = await authPost("/api/auth/sign-up/email", { email: `long-${randomBytes(4).toString("hex")}@example.test`, password: "x".repeat(129), name: "x" });
    assert.equal(long.status, 400);
    assert.equal(long.body.code, "PASSWORD_TOO_LONG");
  });

  test("creating a workspace makes it active; switching moves back; a stranger's workspace is 404", async () => {
    const created = await alice.req("POST", "/api/v1/workspaces", { name: "Second" });
    assert.equal(created.status, 201);
    assert.equal(created.body.role, "owner");
    let list = await alice.req("GET", "/api/v1/workspaces");
    assert.equal(list.body.data.length, 2);
    assert.equal(activeOf(list.body).id, created.body.id);
    // Data follows the active workspace: a webhook made here is not in the first one.
    const hook = await alice.req("POST", "/api/v1/webhooks", { url: "http://127.0.0.1:9/hook", events: ["*"] });
    assert.equal(hook.status, 201, JSON.stringify(hook.body));

    const back = await alice.req("POST", "/api/v1/workspaces/switch", { workspace_id: aliceWs });
    assert.equal(back.status, 200);
    list = await alice.req("GET", "/api/v1/workspaces");
    assert.equal(activeOf(list.body).id, aliceWs);
    const hooks = await alice.req("GET", "/api/v1/webhooks");
    assert.equal(hooks.status, 200);
    assert.ok(!JSON.stringify(hooks.body).includes(hook.body.id), "the second workspace's webhook is not listed in the first");

    const foreign = await alice.req("POST", "/api/v1/workspaces/switch", { workspace_id: bobWs });
    assert.equal(foreign.status, 404);
    assert.equal(foreign.body.error.code, "not_found");
  });

  test("a forged hr_ws cookie is ignored: the user stays in their own workspace", async () => {
    const r = await call("GET", "/api/v1/workspaces", {
      headers: { cookie: [...bob.cookies].filter(([k]) => k !== "hr_ws").map(([k, v]) => `${k}=${v}`).concat(`hr_ws=${aliceWs}`).join("; ") },
    });
    assert.equal(r.status, 200);
    assert.equal(activeOf(r.body).id, bobWs);
    assert.ok(!r.body.data.some((w: any) => w.id === aliceWs));
  });

  test("API keys list only their workspace and cannot create workspaces or manage members", async () => {
    const tenant = await newTenant("Key tenant");
    const list = await tenant.api.get("/api/v1/workspaces");
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.data.map((w: any) => w.id), [tenant.workspaceId]);
    const create = await tenant.api.post("/api/v1/workspaces", { name: "Nope" });
    assert.equal(create.status, 403);
    assert.match(create.body.error.message, /session/);
    assert.equal((await tenant.api.get("/api/v1/members")).status, 403);
    assert.equal((await call("GET", "/api/v1/workspaces")).status, 401);
  });

  test("a viewer can read but gets 403 on every write", async () => {
    // Joining is by invitation (tests/api/invitations.test.ts follows the emailed link); here the membership is direct.
    await addMemberByEmail(aliceWs, bob.email, "viewer");
    assert.equal((await alice.req("POST", "/api/v1/members", { email: bob.email, role: "viewer" })).status, 409);

    assert.equal((await bob.req("POST", "/api/v1/workspaces/switch", { workspace_id: aliceWs })).status, 200);
    const read = await bob.req("GET", "/api/v1/webhooks");
    assert.equal(read.status, 200);
    const write = await bob.req("POST", "/api/v1/webhooks", { url: "http://127.0.0.1:9/viewer", events: ["*"] });
    assert.equal(write.status, 403);
    assert.equal(write.body.error.code, "forbidden");
    assert.equal((await bob.req("GET", "/api/v1/members")).status, 200);
    assert.equal((await bob.req("POST", "/api/v1/members", { email: alice.email, role: "viewer" })).status, 403);
    const mine = (await bob.req("GET", "/api/v1/members")).body.data.find((m: any) => m.email === bob.email);
    assert.equal((await bob.req("PATCH", `/api/v1/members/${mine.id}`, { role: "owner" })).status, 403);
  });

  test("another workspace's member ids are 404", async () => {
    // Bob's own workspace: his owner membership there is not visible from Alice's.
    assert.equal((await bob.req("POST", "/api/v1/workspaces/switch", { workspace_id: bobWs })).status, 200);
    const bobMember = (await bob.req("GET", "/api/v1/members")).body.data[0];
    assert.equal(bobMember.email, bob.email);
    assert.equal((await alice.req("PATCH", `/api/v1/members/${bobMember.id}`, { role: "viewer" })).status, 404);
    assert.equal((await alice.req("DELETE", `/api/v1/members/${bobMember.id}`)).status, 404);
  });

  test("the last owner cannot be demoted or removed (409); with a second owner they can", async () => {
    const members = (await alice.req("GET", "/api/v1/members")).body.data;
    const me = members.find((m: any) => m.email === alice.email);
    const bobHere = members.find((m: any) => m.email === bob.email);
    const demote = await alice.req("PATCH", `/api/v1/members/${me.id}`, { role: "admin" });
    assert.equal(demote.status, 409);
    assert.equal(demote.body.error.code, "conflict");
    assert.equal((await alice.req("DELETE", `/api/v1/members/${me.id}`)).status, 409);

    assert.equal((await alice.req("PATCH", `/api/v1/members/${bobHere.id}`, { role: "owner" })).status, 200);
    const ok = await alice.req("PATCH", `/api/v1/members/${me.id}`, { role: "admin" });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.role, "admin");
    // An admin cannot touch owners.
    assert.equal((await alice.req("DELETE", `/api/v1/members/${bobHere.id}`)).status, 403);
  });

  test("sign-in attempts are rate limited with 429 and X-Retry-After", async () => {
    // 25 at once against a limit of 20 per 2 s (scripts/test.mjs): the counter is checked before
    // the password is, so a burst of guesses is cut off however fast the server hashes.
    const attempts = await Promise.all(
      Array.from({ length: 25 }, () => authPost("/api/auth/sign-in/email", { email: alice.email, password: "wrong password!" })),
    );
    const limited = attempts.filter((r) => r.status === 429);
    assert.ok(limited.length >= 5, `expected at least 5 × 429, got statuses ${attempts.map((r) => r.status).join(",")}`);
    assert.ok(attempts.every((r) => r.status === 429 || r.status === 401));
    assert.ok(Number(limited[0].headers.get("x-retry-after")) > 0);
    // After the window the right password works again.
    await new Promise((r) => setTimeout(r, 2500));
    const ok = await authPost("/api/auth/sign-in/email", { email: alice.email, password: "correct horse battery" });
    assert.equal(ok.status, 200);
  });
});
