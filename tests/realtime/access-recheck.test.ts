// Open live connections do not outlive their credentials (issue 10, item 14):
// closed at the token's `exp`, and within LIVE_RECHECK_SEC (1 s in the test
// run) of the API key's revocation, the member's removal or the session's end.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { issueLiveToken } from "@/lib/realtime/token";
import { removeMember } from "@/lib/workspaces/members";
import { BASE_URL, client } from "../helpers/api";
import { addMemberByEmail } from "../helpers/members";
import { ORIGIN, signUp, type SessionUser } from "../helpers/session";
import { newTenant } from "../helpers/tenant";
import { closeAllLive, openSocket, openWs } from "../helpers/live";
import type { Socket } from "socket.io-client";

let t: Awaited<ReturnType<typeof newTenant>>;
before(async () => {
  t = await newTenant("Recheck tenant");
});
after(async () => {
  closeAllLive();
  await db.$disconnect();
});

const within = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([p, new Promise<never>((_, j) => setTimeout(() => j(new Error(`${what} not within ${ms} ms`)), ms))]);

const disconnected = (s: Socket) => new Promise<string>((r) => s.once("disconnect", (reason) => r(reason)));

const cookieOf = (u: SessionUser, workspaceId?: string) =>
  [...u.cookies, ...(workspaceId ? [["hr_ws", workspaceId]] : [])].map(([k, v]) => `${k}=${v}`).join("; ");

test("a token connection is closed when the token expires", async () => {
  const { token } = await issueLiveToken(t.workspaceId, "test", 2);
  const c = await openWs(`?token=${token}`);
  const opened = Date.now();
  assert.equal(await within(c.closed, 4000, "close at exp"), 1008);
  assert.ok(Date.now() - opened >= 1000, "not before exp");
  assert.match(c.messages.at(-1)?.message ?? "", /expired/);
});

test("connections opened with a key's token close when the key is revoked, and the token stops connecting", async () => {
  const created = await t.api.post("/api/v1/api-keys", { name: "live reader", scopes: ["deliveries:read"] });
  assert.equal(created.status, 201);
  const { token } = (await client(created.body.key).post("/api/v1/realtime/token")).body;
  const ws = await openWs(`?token=${token}`);
  const io = openSocket({ token });
  await io.connected;
  const ioGone = disconnected(io.socket);

  assert.equal((await t.api.delete(`/api/v1/api-keys/${created.body.id}`)).status, 200);
  assert.equal(await within(ws.closed, 4000, "/ws closed after revocation"), 1008);
  assert.equal(await within(ioGone, 4000, "Socket.IO closed after revocation"), "io server disconnect");
  await assert.rejects(openWs(`?token=${token}`), /HTTP 401/, "the revoked key's token no longer connects");
});

test("a member's cookie connection closes when they are removed from the workspace", async () => {
  const owner = await signUp();
  const member = await signUp();
  const { workspaceId, userId: ownerId } = await db.membership.findFirstOrThrow({ where: { user: { email: owner.email } } });
  await addMemberByEmail(workspaceId, member.email, "viewer");
  const io = openSocket({ headers: { cookie: cookieOf(member, workspaceId), origin: ORIGIN } });
  await io.connected;
  const gone = disconnected(io.socket);
  await new Promise((r) => setTimeout(r, 1500));
  assert.ok(io.socket.connected, "still connected while a member");

  const m = await db.membership.findFirstOrThrow({ where: { workspaceId, user: { email: member.email } } });
  await removeMember(workspaceId, "owner", ownerId, m.id);
  await within(gone, 4000, "closed after removal");
});

test("a cookie connection closes when its session ends (sign-out)", async () => {
  const user = await signUp();
  const ws = await openWs("", { cookie: cookieOf(user), origin: ORIGIN });
  const out = await fetch(`${BASE_URL}/api/auth/sign-out`, {
    method: "POST",
    headers: { cookie: cookieOf(user), origin: ORIGIN, "content-type": "application/json" },
    body: "{}",
  });
  assert.equal(out.status, 200, await out.text());
  assert.equal(await within(ws.closed, 4000, "closed after sign-out"), 1008);
});
