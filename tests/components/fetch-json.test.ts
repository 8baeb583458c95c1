// fetchJson's `json` option is the dashboard's one way to send a JSON body: it
// encodes the value and labels it, and the API reads what it sends.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { ApiRequestError, fetchJson } from "@/components/api/fetch-json";
import { BASE_URL } from "../helpers/api";
import { receiverPool } from "../helpers/receiver";
import { newTenant } from "../helpers/tenant";

const receivers = receiverPool();
let t: Awaited<ReturnType<typeof newTenant>>;
before(async () => {
  t = await newTenant("fetchJson tenant");
});
after(async () => {
  await receivers.closeAll();
  await db.$disconnect();
});

test("json: the body is the value as JSON, labelled application/json, next to the caller's headers", async () => {
  const r = await receivers.start(() => ({ status: 200, body: '{"ok":true}', headers: { "content-type": "application/json" } }));
  const answer = await fetchJson<{ ok: boolean }>(r.url, { method: "POST", json: { name: "ü", ids: [1, 2] }, headers: { "x-extra": "1" } });
  assert.deepEqual(answer, { ok: true });
  const [req] = r.requests;
  assert.equal(req.headers["content-type"], "application/json");
  assert.equal(req.headers.accept, "application/json");
  assert.equal(req.headers["x-extra"], "1");
  assert.deepEqual(JSON.parse(req.body), { name: "ü", ids: [1, 2] });
});

test("without json: no body and no content-type", async () => {
  const r = await receivers.start(() => ({ status: 204 }));
  assert.equal(await fetchJson<void>(r.url, { method: "POST" }), undefined);
  const [req] = r.requests;
  assert.equal(req.headers["content-type"], undefined);
  assert.equal(req.body, "");
});

test("the API reads a json body: a valid one creates, an invalid one names its field", async () => {
  const headers = { authorization: `Bearer ${t.key}` };
  const created = await fetchJson<{ id: string; url: string }>(`${BASE_URL}/api/v1/webhooks`, {
    method: "POST",
    json: { url: "https://example.com/fetch-json", events: ["*"] },
    headers,
  });
  assert.equal(created.url, "https://example.com/fetch-json");
  await assert.rejects(
    fetchJson(`${BASE_URL}/api/v1/webhooks/${created.id}`, { method: "PATCH", json: { url: "not a url" }, headers }),
    (err: unknown) => err instanceof ApiRequestError && err.status === 422 && (err.details ?? []).some((d) => d.path === "url"),
  );
});
