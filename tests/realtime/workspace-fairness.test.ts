// One workspace's burst must not push another workspace's events out of the
// live feed, nor hold them up (issue 10, item 18). The test process publishes
// through lib/realtime/publisher.ts as the API and the worker do.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { readyRedis } from "@/lib/redis";
import { flushLive, publishLive } from "@/lib/realtime/publisher";
import type { LiveEvent } from "@/lib/realtime/messages";
import { eventually } from "../helpers/api";
import { newTenant } from "../helpers/tenant";
import { closeAllLive, command, openWs, type WsClient } from "../helpers/live";

let a: Awaited<ReturnType<typeof newTenant>>;
let b: Awaited<ReturnType<typeof newTenant>>;
before(async () => {
  a = await newTenant("Bursting tenant");
  b = await newTenant("Quiet tenant");
});
after(async () => {
  closeAllLive();
  await flushLive();
  (await readyRedis()).disconnect();
  await db.$disconnect();
});

async function subscribed(tenant: typeof a): Promise<WsClient> {
  const res = await tenant.api.post("/api/v1/realtime/token");
  const c = await openWs(`?token=${res.body.token}&batch=true`);
  assert.equal((await command(c, { action: "subscribe", events: ["*"] })).type, "subscribed");
  return c;
}

const event = (workspaceId: string, i: number): LiveEvent => ({
  workspaceId,
  id: `evt_${workspaceId.slice(-6)}_${i}`,
  event: "scan.progress",
  timestamp: new Date().toISOString(),
  data: { n: i },
});

test("workspace A bursts 10,000 events; workspace B's single event still reaches B's client promptly", async () => {
  const clientA = await subscribed(a);
  const clientB = await subscribed(b);
  const received = (c: WsClient) => c.messages.filter((m) => m.type === "batch").flatMap((m) => m.events);

  const start = Date.now();
  publishLive([event(b.workspaceId, 0)]);
  publishLive(Array.from({ length: 10_000 }, (_, i) => event(a.workspaceId, i)));
  await flushLive();

  const got = await eventually(async () => received(clientB).find((m) => m.id === event(b.workspaceId, 0).id), 3000, "B's event");
  assert.deepEqual(got.data, { n: 0 });
  assert.ok(Date.now() - start < 2000, `B's event took ${Date.now() - start} ms`);
  await eventually(async () => received(clientA).length > 0, 3000, "A's newest events");
  assert.ok(received(clientA).every((m) => m.id.startsWith(`evt_${a.workspaceId.slice(-6)}_`)), "A sees only A's events");
});
