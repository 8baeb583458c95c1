// A route file that serves a request with another operation's contract would answer in a shape
// the OpenAPI document does not describe: withWorkspace refuses that with a 500 (a bug of ours),
// before anything else runs. Called in the test's own process, as Next.js calls a route.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { NextRequest } from "next/server";
import { withWorkspace } from "@/lib/api/with-workspace";
import { webhookContracts } from "@/lib/api/contracts/webhooks";
import { producerRedis } from "@/lib/redis";
import { db } from "@/lib/db";

after(async () => {
  producerRedis().disconnect();
  await db.$disconnect();
});

const route = withWorkspace(webhookContracts.get, async () => {
  throw new Error("the handler must not run");
});
const ask = (method: string, path: string) => route(new NextRequest(`http://localhost${path}`, { method }), { params: Promise.resolve({ id: "wh_1" }) });

test("a request its contract does not describe is a 500: another method, another path", async () => {
  for (const [method, path] of [
    ["POST", "/api/v1/webhooks/wh_1"],
    ["GET", "/api/v1/events/wh_1"],
    ["GET", "/api/v1/webhooks/wh_1/logs"],
  ]) {
    const res = await ask(method, path);
    assert.equal(res.status, 500, `${method} ${path}`);
    assert.equal((await res.json()).error.code, "internal_error");
  }
});

test("the request it describes goes on to authentication", async () => {
  for (const method of ["GET", "HEAD"]) assert.equal((await ask(method, "/api/v1/webhooks/wh_1")).status, 401, method);
});
