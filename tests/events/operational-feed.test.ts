// GET /api/v1/operational-events (the dashboard's Operational events panel) and
// the health block of GET /webhooks/:id, against the running app.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { eventually } from "../helpers/api";
import { newTenant } from "../helpers/tenant";

after(() => db.$disconnect());

test("lists the workspace's own endpoint.disabled / endpoint.enabled events, newest first, and only those", async () => {
  const a = await newTenant("feed A");
  const b = await newTenant("feed B");
  const created = await a.api.post("/api/v1/webhooks", { url: "https://example.com/feed-a", events: ["scan.completed"] });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const id = created.body.id as string;
  // An ordinary event must not show up in the feed (not subscribed, so no delivery disturbs the health counters).
  assert.equal((await a.api.post("/api/v1/events", { event: "scan.started", data: { n: 1 } })).status, 202);

  assert.equal((await a.api.post(`/api/v1/webhooks/${id}/disable`)).status, 200);
  const disabled = await a.api.get(`/api/v1/webhooks/${id}`);
  assert.equal(disabled.body.status, "disabled");
  assert.equal(disabled.body.health.disabled_reason, "disabled by user");
  assert.ok(disabled.body.health.disabled_at);
  assert.equal(disabled.body.health.consecutive_failures, 0);
  assert.equal((await a.api.post(`/api/v1/webhooks/${id}/enable`)).status, 200);

  const feed = await eventually(async () => {
    const res = await a.api.get("/api/v1/operational-events");
    assert.equal(res.status, 200);
    return res.body.data.length >= 2 ? res.body.data : null;
  }, 10_000, "two operational events");
  assert.deepEqual(
    feed.map((e: { type: string }) => e.type),
    ["endpoint.enabled", "endpoint.disabled"],
  );
  assert.equal(feed[1].data.webhook_id, id);
  assert.equal(feed[1].data.reason, "disabled by user");

  const other = await b.api.get("/api/v1/operational-events");
  assert.equal(other.status, 200);
  assert.deepEqual(other.body.data, [], "another workspace sees none of A's events");
});

test("needs the deliveries:read scope", async () => {
  const t = await newTenant("feed scope", ["webhooks:read"]);
  const res = await t.api.get("/api/v1/operational-events");
  assert.equal(res.status, 403);
});
