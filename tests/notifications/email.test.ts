// delivery.exhausted: an operational event delivered like any event, and an
// email (as the AI Social Media Platform sends) to the workspace's owners and admins, through a real SMTP
// server on the port the test app's SMTP_URL names.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:net";
import { Webhook } from "standardwebhooks";
import { db } from "@/lib/db";
import { sendMail } from "@/lib/notifications/mailer";
import { eventually } from "../helpers/api";
import { newTenant } from "../helpers/tenant";
import { addMember } from "../helpers/members";
import { startReceiver, type Receiver } from "../helpers/receiver";
import { startInbox, type Inbox } from "../helpers/smtp-inbox";

let inbox: Inbox;
const receivers: Receiver[] = [];
before(async () => {
  inbox = await startInbox();
});
after(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await inbox.close();
  await db.$disconnect();
});

async function receiver(respond?: Parameters<typeof startReceiver>[0]) {
  const r = await startReceiver(respond);
  receivers.push(r);
  return r;
}

const FAST_FAIL = { retry: { preset: "custom", schedule: ["0", "100ms"], jitter: 0 } };
const bodies = (rx: Receiver) => rx.requests.map((r) => JSON.parse(r.body));

test("an exhausted delivery emits delivery.exhausted to subscribed endpoints and emails owners and admins, not viewers", async () => {
  const t = await newTenant("Exhausted tenant");
  const [owner, admin, viewer] = [await addMember(t.workspaceId, "owner"), await addMember(t.workspaceId, "admin"), await addMember(t.workspaceId, "viewer")];
  const watcher = await receiver();
  const { body: watch } = await t.api.post("/api/v1/webhooks", { url: watcher.url, events: ["delivery.exhausted"] });
  const failing = await receiver(() => 500);
  const { body: hook } = await t.api.post("/api/v1/webhooks", { url: failing.url, events: ["order.paid"], ...FAST_FAIL });

  const { body: accepted } = await t.api.post("/api/v1/events", { event: "order.paid", data: { order: 1 } });
  const delivery = await db.delivery.findUniqueOrThrow({ where: { eventId_endpointId: { eventId: accepted.id, endpointId: hook.id } } });

  const [req] = await watcher.waitFor(1, 10_000);
  const op = new Webhook(watch.secret).verify(req.body, req.headers as Record<string, string>) as any;
  assert.equal(op.event, "delivery.exhausted");
  assert.deepEqual(op.data, {
    delivery_id: delivery.id,
    event_id: accepted.id,
    event_type: "order.paid",
    webhook_id: hook.id,
    url: failing.url,
    attempts: 2,
    last_status: 500,
    last_error: "HTTP 500",
  });
  assert.equal(failing.requests.length, 2);
  const stored = await db.event.findUniqueOrThrow({ where: { id: op.id } });
  assert.equal(stored.workspaceId, t.workspaceId, "a real event of the workspace, listed like any other");

  const mail = await inbox.waitFor((m) => m.text.includes(delivery.id));
  assert.deepEqual(mail.to.sort(), [owner.email, admin.email].sort());
  assert.ok(!mail.to.includes(viewer.email));
  assert.match(mail.subject, /Webhook delivery failed: order\.paid → /);
  assert.match(mail.from, /hookrelay@test\.local/);
  assert.match(mail.text, /failed after 2 attempts/);
  assert.match(mail.text, /HTTP 500/);
  assert.ok(mail.text.includes(hook.id));

  // The next exhausted delivery to the same endpoint is an event too, but no second email this hour.
  const { body: second } = await t.api.post("/api/v1/events", { event: "order.paid", data: { order: 2 } });
  await watcher.waitFor(2, 10_000);
  assert.equal(bodies(watcher)[1].data.event_id, second.id);
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(inbox.mails.filter((m) => m.text.includes(hook.id)).length, 1);
});

test("a workspace without owners or admins gets the event but no email", async () => {
  const t = await newTenant("Memberless tenant");
  await addMember(t.workspaceId, "viewer");
  const watcher = await receiver();
  await t.api.post("/api/v1/webhooks", { url: watcher.url, events: ["delivery.*"] });
  const failing = await receiver(() => 503);
  const { body: hook } = await t.api.post("/api/v1/webhooks", { url: failing.url, events: ["order.refunded"], ...FAST_FAIL });
  await t.api.post("/api/v1/events", { event: "order.refunded", data: {} });
  await watcher.waitFor(1, 10_000);
  await new Promise((r) => setTimeout(r, 800));
  assert.equal(inbox.mails.filter((m) => m.text.includes(hook.id)).length, 0);
});

test("a failing subscriber of delivery events does not report its own failures (no loop)", async () => {
  const t = await newTenant("Loop tenant");
  const brokenWatcher = await receiver(() => 500);
  const { body: watch } = await t.api.post("/api/v1/webhooks", { url: brokenWatcher.url, events: ["delivery.*"], ...FAST_FAIL });
  const failing = await receiver(() => 500);
  await t.api.post("/api/v1/webhooks", { url: failing.url, events: ["order.lost"], ...FAST_FAIL });
  await t.api.post("/api/v1/events", { event: "order.lost", data: {} });

  // The watcher's delivery of delivery.exhausted fails too (2 attempts)…
  await brokenWatcher.waitFor(2, 10_000);
  await eventually(
    async () => (await db.delivery.findFirst({ where: { endpointId: watch.id, status: "failed" } })) !== null,
    10_000,
    "the watcher's delivery to fail",
  );
  // …and is not itself reported: one operational event in all.
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(await db.event.count({ where: { workspaceId: t.workspaceId, type: "delivery.exhausted" } }), 1);
  assert.equal(brokenWatcher.requests.length, 2);
});

test("sending email never throws: no SMTP server listening, or none configured", async () => {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  const port = (probe.address() as { port: number }).port;
  await new Promise((r) => probe.close(r)); // now nothing listens there
  const mail = { to: ["someone@example.test"], subject: "test", text: "hello" };
  assert.equal(await sendMail(mail, `smtp://127.0.0.1:${port}`), false);
  assert.equal(await sendMail(mail, ""), false);
  assert.equal(await sendMail(mail, `smtp://127.0.0.1:${new URL(process.env.SMTP_URL!).port}`), true, "the test inbox accepts it");
  await inbox.waitFor((m) => m.to.includes("someone@example.test"));
});
