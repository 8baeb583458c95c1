// SSRF guard: the address classifier, the allowlist, the guarded DNS lookup
// (real resolver, real receiver), save-time 422s over the API, and the worker
// refusing a blocked destination once, permanently. The test env allowlists
// loopback (ALLOWED_DESTINATION_CIDRS=127.0.0.0/8,::1/128 in scripts/test.mjs);
// function-level tests pass their own guard so they don't depend on it.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import {
  blockedRange,
  destinationProblem,
  guardedLookup,
  parseCidrList,
  urlProblem,
  DestinationBlockedError,
  type DestinationGuard,
  type Resolver,
} from "@/lib/delivery/ssrf";
import { postWebhook } from "@/lib/delivery/http-sender";
import { nextStep } from "@/lib/delivery/next-attempt";
import { eventually } from "../helpers/api";
import { newTenant } from "../helpers/tenant";
import { startReceiver, type Receiver } from "../helpers/receiver";

let t: Awaited<ReturnType<typeof newTenant>>;
before(async () => {
  t = await newTenant("SSRF tenant");
});

const receivers: Receiver[] = [];
async function receiver() {
  const r = await startReceiver();
  receivers.push(r);
  return r;
}
after(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await db.$disconnect();
});

const NOTHING_ALLOWED: DestinationGuard = { allow: [], allowPlainHttp: true };
const LOOPBACK_ALLOWED: DestinationGuard = { allow: parseCidrList("127.0.0.0/8,::1/128"), allowPlainHttp: false };

test("the classifier blocks every internal range of the list, IPv4 and IPv6", () => {
  const cases: Array<[string, RegExp]> = [
    ["127.0.0.1", /^loopback$/],
    ["127.255.255.254", /^loopback$/],
    ["::1", /^loopback$/],
    ["10.0.0.5", /^private$/],
    ["172.16.0.1", /^private$/],
    ["172.31.255.255", /^private$/],
    ["192.168.1.1", /^private$/],
    ["169.254.169.254", /^link-local \(cloud metadata\)$/],
    ["100.64.0.1", /^carrier-grade NAT$/],
    ["100.127.255.254", /^carrier-grade NAT$/],
    ["0.0.0.0", /^unspecified$/],
    ["0.1.2.3", /^unspecified$/],
    ["224.0.0.1", /^multicast$/],
    ["239.255.255.250", /^multicast$/],
    ["255.255.255.255", /^broadcast$/],
    ["240.0.0.1", /^reserved$/],
    ["192.0.0.8", /^reserved/],
    ["192.0.2.10", /^documentation$/],
    ["198.51.100.7", /^documentation$/],
    ["203.0.113.9", /^documentation$/],
    ["198.18.0.1", /^benchmarking$/],
    ["::", /^unspecified$/],
    ["fc00::1", /^unique local$/],
    ["fd12:3456::1", /^unique local$/],
    ["fe80::1", /^link-local$/],
    ["fe80::1%eth0", /^link-local$/],
    ["ff02::1", /^multicast$/],
    ["2001:db8::1", /^documentation$/],
    ["100::1", /^discard-only$/],
    ["2001:0:4136:e378::1", /Teredo/],
    ["::ffff:127.0.0.1", /^IPv4-mapped of 127\.0\.0\.1, which is loopback$/],
    ["::ffff:7f00:1", /^IPv4-mapped of 127\.0\.0\.1, which is loopback$/],
    ["::ffff:169.254.169.254", /cloud metadata/],
    ["::ffff:0:10.0.0.1", /^IPv4-translated of 10\.0\.0\.1, which is private$/],
    ["::127.0.0.1", /^IPv4-compatible of 127\.0\.0\.1, which is loopback$/],
    ["64:ff9b::7f00:1", /^NAT64 of 127\.0\.0\.1, which is loopback$/],
    ["64:ff9b::a9fe:a9fe", /^NAT64 of 169\.254\.169\.254/],
    ["2002:7f00:1::", /^6to4 of 127\.0\.0\.1, which is loopback$/],
    ["2002:c0a8:101::1", /^6to4 of 192\.168\.1\.1, which is private$/],
    ["4000::1", /not global unicast/],
    ["not-an-ip", /not a valid IP address/],
  ];
  for (const [address, expected] of cases) {
    const range = blockedRange(address);
    assert.ok(range !== null && expected.test(range), `${address}: got ${range}, expected ${expected}`);
  }
});

test("public addresses, and public ones inside IPv6 forms, are allowed", () => {
  for (const address of [
    "8.8.8.8",
    "1.1.1.1",
    "93.184.216.34",
    "100.63.255.255", // just below CGNAT
    "172.32.0.1", // just above 172.16/12
    "169.255.0.1",
    "223.255.255.254",
    "2606:4700:4700::1111",
    "2a00:1450:4001:82b::200e",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
    "2002:808:808::1",
  ]) {
    assert.equal(blockedRange(address), null, address);
  }
});

test("the allowlist opens ranges (IPv4-mapped forms included); bad entries are rejected", () => {
  assert.equal(destinationProblem("127.0.0.1", "https:", LOOPBACK_ALLOWED), null);
  assert.equal(destinationProblem("::1", "https:", LOOPBACK_ALLOWED), null);
  assert.equal(destinationProblem("::ffff:127.0.0.1", "https:", LOOPBACK_ALLOWED), null);
  assert.equal(
    destinationProblem("127.0.0.1", "https:", NOTHING_ALLOWED),
    "destination blocked: 127.0.0.1 is loopback (set ALLOWED_DESTINATION_CIDRS to allow)",
  );
  assert.match(destinationProblem("10.0.0.1", "https:", LOOPBACK_ALLOWED) ?? "", /10\.0\.0\.1 is private/);
  // NAT64 / 6to4 reach a gateway, not the local stack: an IPv4 allowlist entry doesn't open them.
  assert.match(destinationProblem("64:ff9b::7f00:1", "https:", LOOPBACK_ALLOWED) ?? "", /NAT64/);
  assert.deepEqual(parseCidrList(" 10.1.0.0/16 , 192.168.5.5,fd00::/8 ").map(([ip, bits]) => `${ip}/${bits}`), [
    "10.1.0.0/16",
    "192.168.5.5/32",
    "fd00::/8",
  ]);
  assert.equal(parseCidrList("").length, 0);
  assert.throws(() => parseCidrList("127.0.0.0/8,localhost"), /"localhost" is not a CIDR/);
  assert.throws(() => parseCidrList("10.0.0.0/33"), /not a CIDR/);
});

test("plain http in production reaches only the allowlist; https is unaffected", () => {
  assert.match(destinationProblem("93.184.216.34", "http:", LOOPBACK_ALLOWED) ?? "", /plain http to 93\.184\.216\.34 is refused/);
  assert.equal(destinationProblem("93.184.216.34", "https:", LOOPBACK_ALLOWED), null);
  assert.equal(destinationProblem("127.0.0.1", "http:", LOOPBACK_ALLOWED), null);
  assert.equal(destinationProblem("93.184.216.34", "http:", { ...LOOPBACK_ALLOWED, allowPlainHttp: true }), null);
  // Save time: literals are judged; a plain-http host name can't be, so production refuses it.
  assert.match(urlProblem("http://example.com/hook", LOOPBACK_ALLOWED) ?? "", /plain http is refused in production/);
  assert.equal(urlProblem("https://example.com/hook", LOOPBACK_ALLOWED), null);
  assert.equal(urlProblem("https://localhost/hook", LOOPBACK_ALLOWED), null, "names are checked after DNS, at send time");
  assert.equal(urlProblem("http://127.0.0.1:9/x", LOOPBACK_ALLOWED), null);
  assert.match(urlProblem("https://[fd00::1]/x", LOOPBACK_ALLOWED) ?? "", /fd00::1 is unique local/);
  assert.match(urlProblem("https://[::ffff:a9fe:a9fe]/latest", LOOPBACK_ALLOWED) ?? "", /cloud metadata/);
});

function lookupWith(answers: Array<{ address: string; family: number }>, options: { all?: boolean } = {}) {
  const resolver: Resolver = async () => answers;
  const lookup = guardedLookup(NOTHING_ALLOWED, "https:", resolver);
  return new Promise<{ err: Error | null; result: unknown }>((resolve) => {
    lookup("rebind.example", { family: 0, ...options } as never, ((err: Error | null, address: unknown, family?: number) =>
      resolve({ err, result: options.all ? address : { address, family } })) as never);
  });
}

test("the guarded lookup checks EVERY answer and returns only checked ones", async () => {
  const mixed = await lookupWith([
    { address: "93.184.216.34", family: 4 },
    { address: "169.254.169.254", family: 4 },
  ], { all: true });
  assert.ok(mixed.err instanceof DestinationBlockedError);
  assert.match(mixed.err.message, /169\.254\.169\.254 \(from rebind\.example\) is link-local/);

  const clean = await lookupWith([
    { address: "93.184.216.34", family: 4 },
    { address: "2606:2800:220:1::1", family: 6 },
  ], { all: true });
  assert.equal(clean.err, null);
  assert.deepEqual(clean.result, [
    { address: "93.184.216.34", family: 4 },
    { address: "2606:2800:220:1::1", family: 6 },
  ]);
  const single = await lookupWith([{ address: "93.184.216.34", family: 4 }]);
  assert.deepEqual(single.result, { address: "93.184.216.34", family: 4 });
});

test("with an empty allowlist, `localhost` (real DNS) is refused and nothing is sent", async () => {
  const rx = await receiver();
  const port = new URL(rx.url).port;
  const result = await postWebhook(`http://localhost:${port}/hook`, { "content-type": "application/json" }, "{}", 2000, NOTHING_ALLOWED);
  assert.equal(result.blocked, true);
  assert.equal(result.status, null);
  assert.match(result.error ?? "", /^destination blocked: (127\.0\.0\.1|::1) \(from localhost\) is loopback \(set ALLOWED_DESTINATION_CIDRS to allow\)$/);
  // The IP literal never goes through DNS: checked before sending.
  const literal = await postWebhook(rx.url, {}, "{}", 2000, NOTHING_ALLOWED);
  assert.equal(literal.blocked, true);
  assert.equal(literal.error, "destination blocked: 127.0.0.1 is loopback (set ALLOWED_DESTINATION_CIDRS to allow)");
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(rx.requests.length, 0);

  const step = nextStep(result, {}, 1);
  assert.deepEqual(step, { outcome: "permanent", status: "failed", delayMs: null }, "a refusal is never retried");
});

test("an allowlisted loopback receiver still gets the request, by name and by literal", async () => {
  const rx = await receiver();
  const port = new URL(rx.url).port;
  const byName = await postWebhook(`http://localhost:${port}/hook`, {}, '{"n":1}', 2000, LOOPBACK_ALLOWED);
  assert.equal(byName.error, null);
  assert.equal(byName.status, 200);
  assert.equal(byName.blocked, undefined);
  const byLiteral = await postWebhook(rx.url, {}, '{"n":2}', 2000, LOOPBACK_ALLOWED);
  assert.equal(byLiteral.status, 200);
  await rx.waitFor(2);
  assert.deepEqual(rx.requests.map((r) => r.body), ['{"n":1}', '{"n":2}']);
});

test("saving a webhook whose URL is a blocked IP literal is 422 on `url`", async () => {
  for (const url of ["http://10.0.0.5/hook", "http://169.254.169.254/latest", "https://[fd00::1]/x", "https://[::ffff:a9fe:a9fe]/", "http://example.com/hook"]) {
    const res = await t.api.post("/api/v1/webhooks", { url, events: ["*"] });
    assert.equal(res.status, 422, url);
    assert.equal(res.body.error.code, "validation_failed");
    assert.deepEqual(res.body.error.details.map((d: { path: string }) => d.path), ["url"], url);
  }
  const blocked = await t.api.post("/api/v1/webhooks", { url: "http://169.254.169.254/latest", events: ["*"] });
  assert.match(blocked.body.error.details[0].message, /169\.254\.169\.254 is link-local \(cloud metadata\)/);

  // Inside the test env's allowlist: accepted; then an update to a blocked literal is refused too.
  const ok = await t.api.post("/api/v1/webhooks", { url: "http://127.0.0.1:9/hook", events: ["*"] });
  assert.equal(ok.status, 201);
  const patch = await t.api.patch(`/api/v1/webhooks/${ok.body.id}`, { url: "http://192.168.0.10/hook" });
  assert.equal(patch.status, 422);
  assert.equal(patch.body.error.details[0].path, "url");
  assert.equal((await t.api.get(`/api/v1/webhooks/${ok.body.id}`)).body.url, "http://127.0.0.1:9/hook");
  assert.equal((await t.api.delete(`/api/v1/webhooks/${ok.body.id}`)).status, 204);
});

async function deliverTo(url: string, event: string) {
  const rx = await receiver();
  const { body: hook } = await t.api.post("/api/v1/webhooks", { url: rx.url, events: [event] });
  // Past save-time validation, straight into the row: the worker must check again.
  await db.endpoint.update({ where: { id: hook.id }, data: { url: url.replace("PORT", new URL(rx.url).port) } });
  const { body: accepted } = await t.api.post("/api/v1/events", { event, data: {} });
  const { id } = await db.delivery.findUniqueOrThrow({ where: { eventId_endpointId: { eventId: accepted.id, endpointId: hook.id } } });
  const settled = await eventually(
    async () => {
      const d = await db.delivery.findUniqueOrThrow({ where: { id }, include: { attempts: true } });
      return d.status === "succeeded" || d.status === "failed" ? d : null;
    },
    15_000,
    `delivery ${id} to finish`,
  );
  return { rx, delivery: settled };
}

test("the worker refuses a blocked destination at send time: one attempt, failed, nothing sent", async () => {
  // 0.0.0.0 is "this host" on Linux: without the guard the request would reach the receiver.
  const { rx, delivery } = await deliverTo("http://0.0.0.0:PORT/hook", "ssrf.blocked");
  assert.equal(delivery.status, "failed");
  assert.equal(delivery.attempts.length, 1, "a refusal is permanent, not retried");
  assert.equal(delivery.nextAttemptAt, null);
  assert.equal(delivery.attempts[0].responseStatus, null);
  assert.match(delivery.attempts[0].error ?? "", /^destination blocked: 0\.0\.0\.0 is unspecified/);
  assert.match(delivery.lastError ?? "", /destination blocked/);
  await new Promise((r) => setTimeout(r, 600)); // longer than the test schedule's retry delay
  assert.equal(await db.attempt.count({ where: { deliveryId: delivery.id } }), 1);
  assert.equal(rx.requests.length, 0);
});

test("the worker resolves a host name through the guard and delivers to the allowlisted address", async () => {
  const { rx, delivery } = await deliverTo("http://localhost:PORT/hook", "ssrf.allowed");
  assert.equal(delivery.status, "succeeded");
  assert.equal(delivery.attempts.length, 1);
  assert.equal(rx.requests.length, 1);
});

// This deployment as the guard sees it: APP_URL, the web server's port, the machine's addresses.
const SELF = { appUrl: "https://hooks.example.com", port: 3999, addresses: ["192.0.2.2", "fd00::2"] };
const LOOPBACK_AND_SELF: DestinationGuard = { ...LOOPBACK_ALLOWED, allowPlainHttp: true, self: SELF };

test("this deployment is refused even where loopback is allowed: APP_URL's host, our port on our addresses", async () => {
  for (const url of ["https://hooks.example.com/api/v1/events", "https://HOOKS.example.com./x", "http://hooks.example.com:8080/"]) {
    assert.match(urlProblem(url, LOOPBACK_AND_SELF) ?? "", /is this HookRelay deployment/, url);
  }
  for (const url of ["http://127.0.0.1:3999/api/v1/events", "http://127.9.9.9:3999/", "http://[::1]:3999/", "http://[::ffff:7f00:1]:3999/", "http://192.0.2.2:3999/"]) {
    assert.match(urlProblem(url, LOOPBACK_AND_SELF) ?? "", /is this HookRelay deployment/, url);
  }
  // Other ports on loopback: the allowlist decides; our non-loopback addresses stay refused on any port.
  assert.equal(urlProblem("http://127.0.0.1:4000/hook", LOOPBACK_AND_SELF), null);
  assert.match(urlProblem("http://192.0.2.2:4000/hook", { ...NOTHING_ALLOWED, self: SELF }) ?? "", /192\.0\.2\.2 is /);
  assert.equal(urlProblem("https://other.example.com/hook", LOOPBACK_AND_SELF), null);

  // A name that resolves to us (DNS alias) is refused by the lookup, for our port only.
  const alias: Resolver = async () => [{ address: "127.0.0.1", family: 4 }];
  const lookup = (port: number) =>
    new Promise<Error | null>((resolve) => guardedLookup(LOOPBACK_AND_SELF, "http:", alias, port)("alias.example", { family: 0 } as never, ((err: Error | null) => resolve(err)) as never));
  const refused = await lookup(3999);
  assert.ok(refused instanceof DestinationBlockedError);
  assert.match(refused.message, /^destination blocked: 127\.0\.0\.1 \(from alias\.example\) is this HookRelay deployment/);
  assert.equal(await lookup(4000), null);
});

test("an exact allowed URL (the demo receiver) is reachable; its neighbours are not", async () => {
  const rx = await receiver();
  const demo = `${rx.url.replace(/\/$/, "")}/api/demo/receiver`;
  const port = Number(new URL(rx.url).port);
  const guard: DestinationGuard = { ...NOTHING_ALLOWED, allowPlainHttp: false, allowUrls: [demo], self: { ...SELF, port } };
  assert.equal(urlProblem(demo, guard), null, "the exact URL, even on our own port");
  assert.match(urlProblem(demo.replace("/api/demo/receiver", "/api/v1/events"), guard) ?? "", /this HookRelay deployment/);
  assert.match(urlProblem(demo.replace(`:${port}`, `:${port + 1}`), guard) ?? "", /127\.0\.0\.1 is loopback/);
  assert.match(urlProblem(`${demo}/deeper`, guard) ?? "", /this HookRelay deployment/);

  const ok = await postWebhook(demo, {}, '{"demo":1}', 2000, guard);
  assert.equal(ok.status, 200, ok.error ?? "");
  const other = await postWebhook(demo.replace("/api/demo/receiver", "/other"), {}, "{}", 2000, guard);
  assert.equal(other.blocked, true);
  assert.match(other.error ?? "", /this HookRelay deployment/);
  await rx.waitFor(1);
  await new Promise((r) => setTimeout(r, 200));
  assert.deepEqual(rx.requests.map((r) => r.body), ['{"demo":1}']);
});
