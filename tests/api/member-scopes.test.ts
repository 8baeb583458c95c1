// Members and invitations have their own scopes, members:read and members:write: viewers read
// them and may leave, never change them; and keys made before these scopes existed keep the
// access they had (the 20261201110000_member_scopes migration gives members:* to api_keys:* keys).
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { db } from "@/lib/db";
import { roleScopes } from "@/lib/api/scopes";
import { call } from "../helpers/api";
import { newTenant } from "../helpers/tenant";
import { signUp } from "../helpers/session";
import { addMemberByEmail } from "../helpers/members";
import { createScratchDatabase } from "../helpers/scratch-database";

after(() => db.$disconnect());

test("roles hold the member scopes: owners and admins both, viewers only members:read", () => {
  for (const role of ["owner", "admin"] as const) assert.ok(roleScopes(role).includes("members:write"), role);
  assert.deepEqual(
    roleScopes("viewer").filter((s) => s.startsWith("members:")),
    ["members:read"],
  );
});

test("a viewer reads members and invitations but cannot invite; a key without members:read is refused by name", async () => {
  const owner = await newTenant("Member scopes");
  const viewer = await signUp();
  await addMemberByEmail(owner.workspaceId, viewer.email, "viewer");
  assert.equal((await viewer.req("POST", "/api/v1/workspaces/switch", { workspace_id: owner.workspaceId })).status, 200);
  assert.equal((await viewer.req("GET", "/api/v1/members")).status, 200);
  assert.equal((await viewer.req("GET", "/api/v1/invitations")).status, 200);
  const invite = await viewer.req("POST", "/api/v1/members", { email: "someone@example.test", role: "viewer" });
  assert.equal(invite.status, 403);
  assert.match(invite.body.error.message, /Viewers cannot change/);

  const key = await owner.api.post("/api/v1/api-keys", { name: "no members", scopes: ["api_keys:read"] });
  const res = await call("GET", "/api/v1/members", { key: key.body.key });
  assert.equal(res.status, 403);
  assert.match(res.body.error.message, /lacks the "members:read" scope/);
});

test("the migration gives members:read to api_keys:read keys and members:write to api_keys:write keys, once", async () => {
  const scratch = await createScratchDatabase(process.env.DATABASE_URL!, `hookrelay_scopes_${randomBytes(3).toString("hex")}`);
  const client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  try {
    await client.query(`INSERT INTO "Workspace" (id, name, slug, "updatedAt") VALUES ('ws_m', 'm', 'm', now())`);
    const keys: Record<string, string[]> = {
      key_rw: ["webhooks:read", "api_keys:read", "api_keys:write"],
      key_r: ["api_keys:read"],
      key_none: ["webhooks:write"],
      key_had: ["api_keys:write", "members:write"],
    };
    for (const [id, scopes] of Object.entries(keys)) {
      await client.query(`INSERT INTO "ApiKey" (id, "workspaceId", name, prefix, hash, scopes) VALUES ($1, 'ws_m', $1, 'hr_x', $1, $2)`, [id, scopes]);
    }
    const sql = readFileSync(join(process.cwd(), "prisma/migrations/20261201110000_member_scopes/migration.sql"), "utf8");
    await client.query(sql);
    await client.query(sql); // a second run changes nothing
    const rows = (await client.query(`SELECT id, scopes FROM "ApiKey" ORDER BY id`)).rows as { id: string; scopes: string[] }[];
    assert.deepEqual(Object.fromEntries(rows.map((r) => [r.id, r.scopes])), {
      key_had: ["api_keys:write", "members:write"],
      key_none: ["webhooks:write"],
      key_r: ["api_keys:read", "members:read"],
      key_rw: ["webhooks:read", "api_keys:read", "api_keys:write", "members:read", "members:write"],
    });
  } finally {
    await client.end();
    await scratch.drop();
  }
});
