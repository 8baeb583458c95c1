// Revealing and rotating a webhook's signing secret over HTTP, and what the
// next delivery carries during and after the grace period.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/api/api-keys";
import { call } from "../helpers/api";
import { newTenant } from "../helpers/tenant";
import { startReceiver, type Receiver, type Received } from "../helpers/receiver";

let a: Awaited<ReturnType<typeof newTenant>>;
let b: Awaited<ReturnType<typeof newTenant>>;
const receivers: Receiver[] = [];
before(async () => {
  a = await newTenant("Secrets A");
  b = await newTenant("Secrets B");
});
after(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await db.$disconnect();
});

let n = 0;
/** A webhook on its own event type with a loopback receiver, and a way to send it one event. */
async function hookWithReceiver(extra: Record<string, unknown> = {}) {
  const rx = await startReceiver();
  receivers.push(rx);
  const eventType = `secret.test_${++n}`;
  const res = await a.api.post("/api/v1/webhooks", { url: rx.url, events: [eventType], ...extra });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const hook = res.body as { id: string; secret: string };
  let sent = 0;
  const deliver = async (): Promise<Received> => {
    const accepted = await a.api.post("/api/v1/events", { event: eventType, data: { n: ++sent } });
    assert.equal(accepted.body.deliveries, 1);
    const reqs = await rx.waitFor(sent);
    return reqs[sent - 1];
  };
  return { hook, deliver };
}

const verifies = (secret: string, r: Received) => {
  try {
    new Webhook(secret).verify(r.body, r.headers as Record<string, string>);
    return true;
  } catch {
    return false;
  }
};
const hmac = (secret: string, body: string) => "sha256=" + createHmac("sha256", secret).update(body).digest("hex");
const signatures = (r: Received) => (r.headers["webhook-signature"] as string).split(" ");
const rotate = (id: string, body?: unknown, api = a.api) => api.post(`/api/v1/webhooks/${id}/secret/rotate`, body);

test("reveal returns the full secret; a read-only key may not", async () => {
  const { hook } = await hookWithReceiver();
  const res = await a.api.get(`/api/v1/webhooks/${hook.id}/secret`);
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, { secret: hook.secret, previous_secret_expires_at: null });
  assert.equal(res.headers.get("cache-control"), "no-store");

  const chosen = await a.api.post("/api/v1/webhooks", { url: "https://example.com/h", events: ["never.sent"], secret: "your-webhook-secret-key" });
  assert.equal((await a.api.get(`/api/v1/webhooks/${chosen.body.id}/secret`)).body.secret, "your-webhook-secret-key");

  // Same workspace, read-only key: a secret lets its holder forge deliveries.
  const { key: readOnly } = await createApiKey(a.workspaceId, "read only", ["webhooks:read"]);
  assert.equal((await call("GET", `/api/v1/webhooks/${hook.id}`, { key: readOnly })).status, 200);
  const denied = await call("GET", `/api/v1/webhooks/${hook.id}/secret`, { key: readOnly });
  assert.equal(denied.status, 403);
  assert.equal((await call("POST", `/api/v1/webhooks/${hook.id}/secret/rotate`, { key: readOnly, body: {} })).status, 403);
});

test("rotate with the default grace period: the next delivery carries two v1 signatures, old and new", async () => {
  const { hook, deliver } = await hookWithReceiver();
  const oldSecret = hook.secret;
  const t0 = Date.now();
  const res = await rotate(hook.id);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.match(res.body.secret, /^whsec_/);
  assert.notEqual(res.body.secret, oldSecret);
  const expires = Date.parse(res.body.previous_secret_expires_at);
  assert.ok(Math.abs(expires - (t0 + 86_400_000)) < 60_000, "default grace is 24 h");
  assert.deepEqual((await a.api.get(`/api/v1/webhooks/${hook.id}/secret`)).body, res.body, "reveal shows the new secret");

  const r = await deliver();
  assert.equal(signatures(r).length, 2);
  assert.ok(signatures(r).every((s) => s.startsWith("v1,")));
  assert.ok(verifies(oldSecret, r), "the old secret still verifies");
  assert.ok(verifies(res.body.secret, r), "the new secret verifies");
  // Each signature matches exactly one of the two secrets.
  const only = (secret: string) =>
    signatures(r).filter((sig) => verifies(secret, { ...r, headers: { ...r.headers, "webhook-signature": sig } })).length;
  assert.equal(only(oldSecret), 1);
  assert.equal(only(res.body.secret), 1);
});

test("rotate with grace_period_sec 0: only the new secret signs", async () => {
  const { hook, deliver } = await hookWithReceiver();
  const res = await rotate(hook.id, { secret: "a-brand-new-secret", grace_period_sec: 0 });
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, { secret: "a-brand-new-secret", previous_secret_expires_at: null });
  const r = await deliver();
  assert.equal(signatures(r).length, 1);
  assert.ok(new Webhook("a-brand-new-secret", { format: "raw" }).verify(r.body, r.headers as Record<string, string>));
  assert.ok(!verifies(hook.secret, r), "the old secret no longer verifies");
});

test("HMAC preset during a grace period: the configured header keeps the old secret, <header>-New has the new one", async () => {
  const { hook, deliver } = await hookWithReceiver({
    secret: "old-shared-secret",
    signature: { preset: "sha256-prefixed-hex", header: "X-ContentProtection-Signature" },
  });
  const res = await rotate(hook.id, { secret: "new-shared-secret", grace_period_sec: 3600 });
  assert.equal(res.status, 200);
  const r = await deliver();
  assert.equal(r.headers["x-contentprotection-signature"], hmac("old-shared-secret", r.body), "untouched receivers keep working");
  assert.equal(r.headers["x-contentprotection-signature-new"], hmac("new-shared-secret", r.body));
  assert.equal(r.headers["webhook-signature"], undefined);

  // Cut over now: the configured header carries the new secret, nothing else.
  const cut = await rotate(hook.id, { secret: "newest-shared-secret", grace_period_sec: 0 });
  assert.equal(cut.status, 200);
  const r2 = await deliver();
  assert.equal(r2.headers["x-contentprotection-signature"], hmac("newest-shared-secret", r2.body));
  assert.equal(r2.headers["x-contentprotection-signature-new"], undefined);
});

test("when the grace period ends the old secret stops signing", async () => {
  const { hook, deliver } = await hookWithReceiver({ secret: "expiring-old-secret", signature: { preset: "hex" } });
  const res = await rotate(hook.id, { secret: "fresh-new-secret", grace_period_sec: 1 });
  assert.equal(res.status, 200);
  const during = await deliver();
  assert.equal(during.headers["x-webhook-signature"], hmac("expiring-old-secret", during.body).slice(7));
  await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(res.body.previous_secret_expires_at) - Date.now() + 50)));
  const later = await deliver();
  assert.equal(later.headers["x-webhook-signature"], hmac("fresh-new-secret", later.body).slice(7));
  assert.equal(later.headers["x-webhook-signature-new"], undefined);
  assert.equal((await a.api.get(`/api/v1/webhooks/${hook.id}/secret`)).body.previous_secret_expires_at, null);
});

test("a second rotation within the grace period retires the oldest secret", async () => {
  const { hook, deliver } = await hookWithReceiver();
  const first = await rotate(hook.id, { grace_period_sec: 600 });
  const second = await rotate(hook.id, { grace_period_sec: 600 });
  assert.equal(second.status, 200);
  const r = await deliver();
  assert.equal(signatures(r).length, 2);
  assert.ok(verifies(second.body.secret, r));
  assert.ok(verifies(first.body.secret, r));
  assert.ok(!verifies(hook.secret, r));
});

test("another workspace's webhook is not found", async () => {
  const { hook } = await hookWithReceiver();
  const reveal = await b.api.get(`/api/v1/webhooks/${hook.id}/secret`);
  assert.equal(reveal.status, 404);
  assert.equal(reveal.body.error.code, "not_found");
  assert.equal((await rotate(hook.id, {}, b.api)).status, 404);
  assert.equal((await a.api.get(`/api/v1/webhooks/wh_doesnotexist/secret`)).status, 404);
  assert.equal((await a.api.get(`/api/v1/webhooks/${hook.id}/secret`)).body.secret, hook.secret, "unchanged");
});

test("invalid rotations are 422 naming the field, and change nothing", async () => {
  const { hook } = await hookWithReceiver();
  const cases: Array<[unknown, string]> = [
    [{ grace_period_sec: -1 }, "grace_period_sec"],
    [{ grace_period_sec: 604_801 }, "grace_period_sec"],
    [{ grace_period_sec: 1.5 }, "grace_period_sec"],
    [{ grace_period_sec: "86400" }, "grace_period_sec"],
    [{ secret: "short" }, "secret"],
    [{ secret: "has a space" }, "secret"],
    [{ secret: hook.secret }, "secret"],
    [{ rotate: true }, "(body)"],
  ];
  for (const [body, field] of cases) {
    const res = await rotate(hook.id, body);
    assert.equal(res.status, 422, `${JSON.stringify(body)} → ${res.status}`);
    assert.equal(res.body.error.code, "validation_failed");
    assert.ok(res.body.error.message.includes(field === "(body)" ? "rotate" : field), res.body.error.message);
    if (field !== "(body)") assert.ok(res.body.error.details.some((d: any) => d.path === field), JSON.stringify(res.body));
  }
  assert.equal((await rotate(hook.id, { grace_period_sec: 604_800 })).status, 200, "7 days is allowed");
});
