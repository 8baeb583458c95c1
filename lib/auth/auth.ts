// Dashboard accounts: better-auth (email + password, sessions in PostgreSQL).
// Password hashing and session tokens are the library's, not ours.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { db } from "../db";
import { config } from "../config";
import { PASSWORD_MAX, PASSWORD_MIN } from "./password-rules";
import { createWorkspace } from "../workspaces/create";

// Credential endpoints get a stricter limit than the library's default (3 per 10 s):
// a window long enough to slow guessing down. Configurable so the test run, where
// every request comes from one address, can sign up many users.
const authWindow = Number(process.env.AUTH_RATE_LIMIT_WINDOW_SEC ?? 60);
const authMax = Number(process.env.AUTH_RATE_LIMIT_MAX ?? 10);
const credentialRule = { window: authWindow, max: authMax };

export const auth = betterAuth({
  appName: "HookRelay",
  baseURL: config().APP_URL,
  secret: process.env.BETTER_AUTH_SECRET,
  database: prismaAdapter(db, { provider: "postgresql" }),
  // A maximum too: hashing megabyte-long "passwords" is a cheap way to burn our CPU.
  emailAndPassword: { enabled: true, minPasswordLength: PASSWORD_MIN, maxPasswordLength: PASSWORD_MAX },
  session: { expiresIn: 60 * 60 * 24 * 7 },
  trustedOrigins: [config().APP_URL],
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
