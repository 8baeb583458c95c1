// Live-feed tokens (lib/realtime/token.ts): issued over HTTP, verified by the same
// function the /ws endpoint uses, refused once expired or when tampered with.
// The test process shares the server's BETTER_AUTH_SECRET (scripts/test.mjs env).
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { SignJWT, decodeJwt, decodeProtectedHeader } from "jose";
import WebSocket from "ws";
import { db } from "@/lib/db";
import { findApiKey } from "@/lib/api/api-keys";
import { issueLiveToken, verifyLiveToken, LIVE_TOKEN_TTL_SEC } from "@/lib/realtime/token";
import { BASE_URL, call, client } from "../helpers/api";
import { newTenant } from "../helpers/tenant";

let t: Awaited<ReturnType<typeof newTenant>>;
before(async () => {
  t = await newTenant("Token tenant");
});
after(() => db.$disconnect());

/** The HTTP status the /ws endpoint answers for `token` (101 = upgraded). */
function wsStatus(token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${BASE_URL.replace("http", "ws")}/ws?token=${encodeURIComponent(token)}`);
    ws.once("open", () => {
      ws.close();
      resolve(101);
    });
    ws.once("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once("error", reject);
  });
}

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");

test("POST /api/v1/realtime/token issues an HS256 token for the key's workspace, at most 15 minutes long", async () => {
  const before = Math.floor(Date.now() / 1000);
  const res = await t.api.post("/api/v1/realtime/token");
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const { token, expires_at } = res.body;
  assert.equal(decodeProtectedHeader(token).alg, "HS256");
  const claims = decodeJwt(token);
  assert.equal(claims.exp, Math.floor(Date.parse(expires_at) / 1000), "expires_at is the token's exp");
  assert.ok(claims.exp! > before && claims.exp! <= before + LIVE_TOKEN_TTL_SEC + 1, "exp within 15 minutes");
  assert.ok(LIVE_TOKEN_TTL_SEC <= 15 * 60);

  const { keyId } = (await findApiKey(t.key))!;
  assert.deepEqual(await verifyLiveToken(token), { workspaceId: t.workspaceId, subject: `key:${keyId}`, expiresAt: claims.exp! * 1000 });
  assert.equal(await wsStatus(token), 101, "the /ws endpoint accepts it");
});

test("the token route needs credentials and the deliveries:read scope", async () => {
  const none = await call("POST", "/api/v1/realtime/token");
  assert.equal(none.status, 401);
  assert.equal(none.body.error.code, "unauthorized");
  const writer = await t.api.post("/api/v1/api-keys", { name: "events only", scopes: ["events:write"] });
  const denied = await client(writer.body.key).post("/api/v1/realtime/token");
  assert.equal(denied.status, 403);
  assert.equal(denied.body.error.code, "forbidden");
});

test("a token stops verifying once it expires", async () => {
  const { token } = await issueLiveToken(t.workspaceId, "test", 2);
  assert.ok(await verifyLiveToken(token), "valid while fresh");
  await new Promise((r) => setTimeout(r, 3100));
  assert.equal(await verifyLiveToken(token), null);
  assert.equal(await wsStatus(token), 401);

  const { token: stale } = await issueLiveToken(t.workspaceId, "test", -60);
  assert.equal(await verifyLiveToken(stale), null);
});

test("tampered, unsigned and foreign-key tokens are refused", async () => {
  const other = await newTenant("Token victim");
  const { token } = await issueLiveToken(t.workspaceId, "test");
  const [header, payload, signature] = token.split(".");

  // Another workspace's id in the claims, the original signature kept.
  const claims = decodeJwt(token);
  const swapped = `${header}.${b64({ ...claims, ws: other.workspaceId })}.${signature}`;
  // A later expiry, signature kept.
  const extended = `${header}.${b64({ ...claims, exp: claims.exp! + 3600 })}.${signature}`;
  // One signature character changed (the first: the last one carries padding bits).
  const flipped = `${header}.${payload}.${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`;
  // alg "none" with no signature at all.
  const unsigned = `${b64({ alg: "none", typ: "JWT" })}.${payload}.`;
  // Well-formed and signed, but with the raw auth secret rather than the live-feed key.
  const foreign = await new SignJWT({ ws: other.workspaceId })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer("hookrelay")
    .setAudience("live-feed")
    .setSubject("attacker")
    .setExpirationTime("5m")
    .sign(new TextEncoder().encode(process.env.BETTER_AUTH_SECRET));

  for (const [what, bad] of Object.entries({ swapped, extended, flipped, unsigned, foreign, garbage: "not-a-jwt" })) {
    assert.equal(await verifyLiveToken(bad), null, what);
  }
  assert.equal(await wsStatus(swapped), 401, "the /ws endpoint refuses a tampered token");
  assert.ok(await verifyLiveToken(token), "the untouched token still verifies");
});
