// A dashboard user over real HTTP: signs up through better-auth's own endpoint
// and then calls the API with the session cookie, as the browser does.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { BASE_URL, call } from "./api";

// better-auth refuses credential requests without a trusted Origin (CSRF protection), as a browser would send.
export const ORIGIN = process.env.APP_URL ?? new URL(BASE_URL).origin;

export interface SessionUser {
  email: string;
  cookies: Map<string, string>;
  req: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: any; headers: Headers }>;
}

function keepCookies(jar: Map<string, string>, headers: Headers) {
  for (const line of headers.getSetCookie()) {
    const [pair] = line.split(";");
    const i = pair.indexOf("=");
    jar.set(pair.slice(0, i), pair.slice(i + 1));
  }
}

export async function signUp(password = "correct horse battery"): Promise<SessionUser> {
  const email = `user-${randomBytes(5).toString("hex")}@example.test`;
  const res = await fetch(`${BASE_URL}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: ORIGIN },
    body: JSON.stringify({ email, password, name: email.split("@")[0] }),
  });
  assert.equal(res.status, 200, `sign-up failed: ${res.status} ${await res.clone().text()}`);
  const cookies = new Map<string, string>();
  keepCookies(cookies, res.headers);
  assert.ok(cookies.size > 0, "sign-up sets a session cookie");
  const req = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const r = await call(method, path, { body, headers: { ...headers, cookie } });
    keepCookies(cookies, r.headers);
    return r;
  };
  return { email, cookies, req };
}
