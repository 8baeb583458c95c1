// A browser's sign-up request, for calling better-auth in the test's own process (where a
// test can choose settings the shared test server can't have, e.g. SIGNUP).
import { appOrigins } from "@/lib/auth/origin";
import { CLIENT_IP_HEADER } from "@/lib/auth/client-address";

export function signUpRequest(email: string, invitationToken?: string): Request {
  const origin = appOrigins()[0];
  return new Request(`${origin}/api/auth/sign-up/email`, {
    method: "POST",
    // server.ts sets the client address on every request; so does this stand-in.
    headers: { "content-type": "application/json", origin, [CLIENT_IP_HEADER]: "127.0.0.1" },
    body: JSON.stringify({ email, password: "correct horse battery", name: email.split("@")[0], ...(invitationToken ? { invitationToken } : {}) }),
  });
}
