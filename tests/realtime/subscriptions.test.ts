// Live-feed subscriptions are bounded (issue 10, item 12): at most
// LIVE_MAX_PATTERNS (default 50) patterns per connection, bounded pattern and
// filter sizes, and each reply carries only what the command changed, so a
// client can no longer make the server echo an ever-growing set.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { newTenant } from "../helpers/tenant";
import { closeAllLive, command, openWs, type WsClient } from "../helpers/live";

let t: Awaited<ReturnType<typeof newTenant>>;
before(async () => {
  t = await newTenant("Subscriptions tenant");
});
after(async () => {
  closeAllLive();
  await db.$disconnect();
});

async function connect(): Promise<WsClient> {
  const res = await t.api.post("/api/v1/realtime/token");
  const c = await openWs(`?token=${res.body.token}`);
  return c;
}

const patterns = (from: number, n: number) => Array.from({ length: n }, (_, i) => `scan.p${from + i}`);

test("subscribe and unsubscribe replies carry only the change, with the total count", async () => {
  const c = await connect();
  const first = await command(c, { action: "subscribe", events: patterns(0, 20) });
  assert.equal(first.type, "subscribed");
  assert.deepEqual(first.events, patterns(0, 20));
  assert.equal(first.total, 20);

  const second = await command(c, { action: "subscribe", events: patterns(20, 10) });
  assert.deepEqual(second.events, patterns(20, 10), "only this command's patterns, not the whole set");
  assert.equal(second.total, 30);

  const gone = await command(c, { action: "unsubscribe", events: ["scan.p3", "scan.never"] });
  assert.equal(gone.type, "unsubscribed");
  assert.deepEqual(gone.events, ["scan.p3"], "only what was removed");
  assert.equal(gone.total, 29);
});

test("a connection holds at most 50 patterns; the command that would pass the cap is refused, naming it", async () => {
  const c = await connect();
  await command(c, { action: "subscribe", events: patterns(0, 45) });
  const over = await command(c, { action: "subscribe", events: patterns(45, 6) });
  assert.equal(over.type, "error");
  assert.equal(over.code, "too_many_patterns");
  assert.match(over.message, /50/);
  const fits = await command(c, { action: "subscribe", events: patterns(45, 5) });
  assert.equal(fits.type, "subscribed", "nothing of the refused command was applied");
  assert.equal(fits.total, 50);
  const again = await command(c, { action: "subscribe", events: ["scan.p0"] });
  assert.equal(again.type, "subscribed", "re-subscribing an existing pattern adds nothing");
  assert.equal(again.total, 50);
});

test("forty big subscribe commands cost kilobytes of replies, not megabytes", async () => {
  const c = await connect();
  let bytes = 0;
  c.ws.on("message", (d) => (bytes += String(d).length));
  for (let i = 0; i < 40; i++) {
    const long = Array.from({ length: 50 }, (_, j) => `${"x".repeat(180)}.${i}.${j}`);
    await command(c, { action: "subscribe", events: long });
  }
  assert.ok(bytes < 64 * 1024, `replies took ${bytes} bytes`);
});

test("over-long patterns and oversized filters are refused with a message naming the limit", async () => {
  const c = await connect();
  const long = await command(c, { action: "subscribe", events: ["x".repeat(201)] });
  assert.equal(long.type, "error");
  assert.match(long.message, /200 characters/);

  const manyFilters = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, i]));
  const wide = await command(c, { action: "subscribe", events: ["*"], filters: manyFilters });
  assert.equal(wide.type, "error");
  assert.match(wide.message, /20 filters/);

  const bigValue = await command(c, { action: "subscribe", events: ["*"], filters: { profile: "v".repeat(201) } });
  assert.equal(bigValue.type, "error");
  assert.match(bigValue.message, /200 characters/);

  const ok = await command(c, { action: "subscribe", events: ["*"], filters: { profile_id: 42 } });
  assert.equal(ok.type, "subscribed");
  assert.deepEqual(ok.filters, { profile_id: 42 });
});
