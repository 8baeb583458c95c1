// Dashboard accounts: better-auth (email + password, sessions in PostgreSQL).
// Password hashing and session tokens are the library's, not ours.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { db } from "../db";
import { config } from "../config";

export const auth = betterAuth({
  appName: "HookRelay",
  baseURL: config().APP_URL,
  secret: process.env.BETTER_AUTH_SECRET,
  database: prismaAdapter(db, { provider: "postgresql" }),
  emailAndPassword: { enabled: true, minPasswordLength: 10 },
  session: { expiresIn: 60 * 60 * 24 * 7 },
  trustedOrigins: [config().APP_URL],
  plugins: [nextCookies()],
});
