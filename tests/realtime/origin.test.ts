// Cross-site WebSocket hijacking (issue 10, item 8): a page on another origin
// (another port of the same host included) opens the live feed and the browser
// attaches the victim's session cookie. Cookie-authenticated upgrades must come
// from the app's own origin; token-authenticated ones carry no ambient authority.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { ORIGIN, signUp, type SessionUser } from "../helpers/session";
import { newTenant } from "../helpers/tenant";
import { closeAllLive, openSocket, openWs } from "../helpers/live";

const FOREIGN = "http://localhost:1"; // same host, another port: "same-site" to a browser, not same-origin
let user: SessionUser;
let cookie: string;
let t: Awaited<ReturnType<typeof newTenant>>;
before(async () => {
  user = await signUp();
  cookie = [...user.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  t = await newTenant("Origin tenant");
});
after(async () => {
  closeAllLive();
  await db.$disconnect();
});

test("/ws: a session-cookie upgrade from another origin is refused with 403 before the upgrade", async () => {
  await assert.rejects(openWs("", { cookie, origin: FOREIGN }), /HTTP 403/);
  await assert.rejects(openWs("", { cookie, origin: "null" }), /HTTP 403/, "an opaque origin (sandboxed frame, file:) is not ours");
  await assert.rejects(openWs("", { cookie, "sec-fetch-site": "same-site" }), /HTTP 403/, "without Origin, Sec-Fetch-Site decides");
});

test("/ws: the same session cookie from the app's own origin is accepted", async () => {
  const c = await openWs("", { cookie, origin: ORIGIN });
  c.ws.send(JSON.stringify({ action: "ping" }));
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(c.messages[0]?.type, "pong");
});

test("/ws: a token connection needs no Origin check (the token is not ambient authority)", async () => {
  const res = await t.api.post("/api/v1/realtime/token");
  const c = await openWs(`?token=${res.body.token}`, { origin: FOREIGN });
  assert.equal(c.ws.readyState, c.ws.OPEN);
});

test("Socket.IO: a session-cookie connection from another origin gets connect_error", async () => {
  const foreign = openSocket({ headers: { cookie, origin: FOREIGN } });
  await assert.rejects(foreign.connected, /forbidden/);

  const own = openSocket({ headers: { cookie, origin: ORIGIN } });
  await own.connected;

  const res = await t.api.post("/api/v1/realtime/token");
  const withToken = openSocket({ token: res.body.token, headers: { origin: FOREIGN } });
  await withToken.connected;
});
