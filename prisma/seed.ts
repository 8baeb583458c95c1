// Demo data for `npm start` (and the e2e tests): a demo user who owns a demo
// workspace, and an API key for it. Idempotent: safe to run on every start.
import { auth } from "@/lib/auth/auth";
import { config } from "@/lib/config";
import { DEFAULT_JITTER } from "@/lib/policy-defaults";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { ALL_SCOPES, hashApiKey } from "@/lib/api/api-keys";
import { createWorkspace } from "@/lib/workspaces/service";
import { createWebhook } from "@/lib/webhooks/service";

const { DEMO_EMAIL: email, DEMO_PASSWORD: password, DEMO_API_KEY: apiKey } = config();

async function main() {
  if (!apiKey) throw new Error("DEMO_API_KEY is not set (npm start generates one into .env)");

  let user = await db.user.findUnique({ where: { email } });
  if (!user) {
    // Through better-auth, so the password is hashed and stored the library's way.
    await auth.api.signUpEmail({ body: { email, password, name: "Demo User" } });
    // The demo address is no one's inbox: verified, so it can sign in when verification is required.
    user = await db.user.update({ where: { email }, data: { emailVerified: true } });
    // Sign-up gave the user a first workspace (lib/auth/auth.ts); the demo keeps its familiar name.
    await db.workspace.updateMany({ where: { members: { some: { userId: user.id } } }, data: { name: "Demo workspace" } });
  }

  let membership = await db.membership.findFirst({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
  if (!membership) {
    const ws = await createWorkspace("Demo workspace", user.id);
    membership = await db.membership.findFirstOrThrow({ where: { workspaceId: ws.id } });
  }

  const hash = hashApiKey(apiKey);
  const existing = await db.apiKey.findUnique({ where: { hash } });
  if (existing) {
    // New scopes appear as the product grows; the demo key keeps all of them.
    await db.apiKey.update({ where: { hash }, data: { scopes: [...ALL_SCOPES], revokedAt: null } });
  } else {
    await db.apiKey.create({
      data: {
        id: newId("key"),
        workspaceId: membership.workspaceId,
        name: "Demo key",
        prefix: apiKey.slice(0, 10),
        hash,
        scopes: [...ALL_SCOPES],
      },
    });
  }

  // npm start: a webhook to the app's own demo receiver, so deliveries flow out of the box.
  if (config().DEMO_RECEIVER === "on") {
    const url = `http://127.0.0.1:${config().PORT}/api/demo/receiver`;
    const exists = await db.endpoint.findFirst({ where: { workspaceId: membership.workspaceId, url } });
    if (!exists) {
      await createWebhook(membership.workspaceId, {
        url,
        events: ["scan.*", "infringement.*", "takedown.*"],
        description: "Built-in demo receiver (answers 200, sometimes 503 to show retries)",
        retry: { preset: "quick-exponential", jitter: DEFAULT_JITTER },
      });
    }
  }
  console.log(JSON.stringify({ workspaceId: membership.workspaceId, email }));
}

main()
  .then(() => db.$disconnect())
  .catch(async (err) => {
    console.error(err instanceof Error ? err.message : err);
    await db.$disconnect();
    process.exit(1);
  });
