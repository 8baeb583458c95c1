// Short-lived signed tokens for the live feed (the Content Protection Platform connects to
// `/ws?token=…`): HS256 JWTs via jose, bound to one workspace.
import { SignJWT, jwtVerify } from "jose";
import { createHash } from "node:crypto";
import { config } from "../config";

const ISSUER = "hookrelay";
const AUDIENCE = "live-feed";
export const LIVE_TOKEN_TTL_SEC = 15 * 60;

function key(): Uint8Array {
  const secret = config().REALTIME_JWT_SECRET ?? config().BETTER_AUTH_SECRET;
  if (!secret) throw new Error("REALTIME_JWT_SECRET or BETTER_AUTH_SECRET must be set to issue live-feed tokens");
  // A key of its own, derived so that a token can never be mistaken for a session secret.
  return createHash("sha256").update(`live-feed:${secret}`).digest();
}

export async function issueLiveToken(workspaceId: string, subject: string, ttlSec = LIVE_TOKEN_TTL_SEC) {
  const expiresAt = new Date(Date.now() + ttlSec * 1000);
  const token = await new SignJWT({ ws: workspaceId })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(subject)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key());
  return { token, expiresAt };
}

/** The token's workspace, subject and expiry (ms since the epoch: open connections close then). */
export async function verifyLiveToken(token: string): Promise<{ workspaceId: string; subject: string; expiresAt: number } | null> {
  try {
    const { payload } = await jwtVerify(token, key(), { issuer: ISSUER, audience: AUDIENCE, algorithms: ["HS256"] });
    if (typeof payload.ws !== "string" || !payload.sub || typeof payload.exp !== "number") return null;
    return { workspaceId: payload.ws, subject: payload.sub, expiresAt: payload.exp * 1000 };
  } catch {
    return null;
  }
}
