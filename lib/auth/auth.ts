// Dashboard accounts: better-auth (email + password, sessions in PostgreSQL).
// Password hashing and session tokens are the library's, not ours.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { db } from "../db";
import { config } from "../config";
import { PASSWORD_MAX, PASSWORD_MIN } from "./password-rules";
import { createWorkspace } from "../workspaces/create";
import { isInvited } from "../workspaces/invitation-lookup";
import { sendMail } from "../notifications/mailer";
import { CLIENT_IP_HEADER } from "./client-address";
import { trustedOrigins } from "./origin";
import { emailVerification, signupRefusal } from "./account-policy";

// Credential endpoints get a stricter limit than the library's default (3 per 10 s):
// a window long enough to slow guessing down. Configurable so the test run, where
// every request comes from one address, can sign up many users.
const credentialRule = { window: config().AUTH_RATE_LIMIT_WINDOW_SEC, max: config().AUTH_RATE_LIMIT_MAX };
const verification = emailVerification(config().EMAIL_VERIFICATION, Boolean(config().SMTP_URL));

export const auth = betterAuth({
  appName: "HookRelay",
  baseURL: config().APP_URL,
  secret: config().BETTER_AUTH_SECRET,
  database: prismaAdapter(db, { provider: "postgresql" }),
  // A maximum too: hashing megabyte-long "passwords" is a cheap way to burn our CPU.
  emailAndPassword: {
    enabled: true,
    minPasswordLength: PASSWORD_MIN,
    maxPasswordLength: PASSWORD_MAX,
    requireEmailVerification: verification.required,
  },
  emailVerification: verification.send
    ? {
        sendOnSignUp: true,
        // An account made before verification was required gets a link when it signs in.
        sendOnSignIn: verification.required,
        autoSignInAfterVerification: true,
        // Not awaited: the sign-up answer doesn't wait on the mail server (failures are logged).
        sendVerificationEmail: async ({ user, url }) => {
          void sendMail({
            to: [user.email],
            subject: "Verify your email for HookRelay",
            text: `Confirm that ${user.email} is yours by opening this link:\n${url}\n\nIf you didn't create a HookRelay account, ignore this email.`,
          });
        },
      }
    : undefined,
  session: { expiresIn: 60 * 60 * 24 * 7 },
  // APP_URL, its loopback aliases, and in development the address the server is reached at (lib/auth/origin.ts).
  trustedOrigins: (request) => trustedOrigins(request?.headers),
  advanced: {
    // server.ts resolves the client's address (X-Forwarded-For only from TRUSTED_PROXIES):
    // the sign-in limit must not read a header every client can set.
    ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
  },
  hooks: {
    // SIGNUP=closed|invite (lib/auth/account-policy.ts). Only requests over HTTP: the seed
    // creates the demo user through the same endpoint, in-process.
    before: createAuthMiddleware(async (ctx) => {
      if (ctx.path !== "/sign-up/email" || !ctx.request) return;
      const mode = config().SIGNUP;
      const body = (ctx.body ?? {}) as { email?: unknown; invitationToken?: unknown };
      const invited = mode === "invite" && typeof body.invitationToken === "string" && typeof body.email === "string" && (await isInvited(body.invitationToken, body.email));
      const refusal = signupRefusal(mode, invited);
      if (refusal) throw new APIError("FORBIDDEN", { code: "SIGNUP_CLOSED", message: refusal });
    }),
  },
  // In memory per web process: the schema has no RateLimit table. Several web
  // processes each keep their own counters (a Redis store is the follow-up).
  rateLimit: {
    enabled: true,
    storage: "memory",
    window: 60,
    max: 300,
    customRules: {
      "/sign-in/*": credentialRule,
      "/sign-up/*": credentialRule,
    },
  },
  databaseHooks: {
    user: {
      create: {
        // Every new account starts with a workspace of its own, as its owner.
        after: async (user) => {
          await createWorkspace(`${user.name || user.email.split("@")[0]}'s workspace`, user.id);
        },
      },
    },
  },
  plugins: [nextCookies()],
});
