// The per-endpoint in-flight limit (lib/delivery/in-flight.ts) against the real
// Redis, as several workers would use it: the limit holds for all of them, a
// parked job is woken in arrival order when a slot frees, and a killed
// worker's slots come back once their lease runs out. Also the `max_in_flight`
// setting through the API. Its own queue prefix (set before lib/ loads), so
// the suite's worker never sees these jobs.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import { closePrivateQueue } from "../helpers/private-queue";

const PREFIX = `hookrelay-in-flight-${randomBytes(3).toString("hex")}`;
process.env.QUEUE_PREFIX = PREFIX;
let inFlight: typeof import("@/lib/delivery/in-flight");
let deliveryQueue: typeof import("@/lib/queue/delivery-queue").deliveryQueue;
let t: Awaited<ReturnType<typeof import("../helpers/tenant").newTenant>>;

before(async () => {
  inFlight = await import("@/lib/delivery/in-flight");
  ({ deliveryQueue } = await import("@/lib/queue/delivery-queue"));
  t = await (await import("../helpers/tenant")).newTenant("In-flight tenant");
});
after(async () => {
  await closePrivateQueue(PREFIX);
  await (await import("@/lib/db")).db.$disconnect();
});

/** A parked delivery job, as the worker leaves it: delayed well into the future. */
async function parkedJob(id: string) {
  const queue = deliveryQueue();
  await queue.add("deliver", { deliveryId: `dlv_${id}`, attempt: 1 }, { jobId: id, delay: 60_000 });
  return `${queue.name}|${id}`;
}
const stateOf = async (id: string) => (await deliveryQueue().getJob(id))!.getState();

test("an endpoint's limit holds across workers; a freed slot wakes its oldest parked job", async () => {
  const endpoint = `wh_${randomBytes(4).toString("hex")}`;
  // Two workers each take a slot of an endpoint limited to 2.
  const a = await inFlight.takeSlot(endpoint, 2, 1000, undefined);
  const b = await inFlight.takeSlot(endpoint, 2, 1000, undefined);
  assert.ok(a && b);
  const first = await parkedJob(`${endpoint}-1`);
  const second = await parkedJob(`${endpoint}-2`);
  assert.equal(await inFlight.takeSlot(endpoint, 2, 1000, first), null, "full: the job is parked");
  assert.equal(await inFlight.takeSlot(endpoint, 2, 1000, second), null);
  // Another endpoint is not affected.
  const other = await inFlight.takeSlot(`${endpoint}-other`, 2, 1000, undefined);
  assert.ok(other);
  await other.release();

  await a.release();
  assert.equal(await stateOf(`${endpoint}-1`), "waiting", "the oldest parked job is woken");
  assert.equal(await stateOf(`${endpoint}-2`), "delayed", "the next one keeps waiting");
  await a.release(); // a second release frees nothing more
  assert.equal(await stateOf(`${endpoint}-2`), "delayed");

  const woken = await inFlight.takeSlot(endpoint, 2, 1000, first);
  assert.ok(woken, "the woken job gets the freed slot");
  await b.release();
  assert.equal(await stateOf(`${endpoint}-2`), "waiting");
  await woken.release();
});

test("a killed worker's slots come back when their lease runs out", async () => {
  const endpoint = `wh_${randomBytes(4).toString("hex")}`;
  // Taken and never released, as by a worker killed mid-request (lease: timeout + 5 s).
  assert.ok(await inFlight.takeSlot(endpoint, 1, 100, undefined));
  assert.equal(await inFlight.takeSlot(endpoint, 1, 100, undefined), null);
  await new Promise((r) => setTimeout(r, 5300));
  const slot = await inFlight.takeSlot(endpoint, 1, 100, undefined);
  assert.ok(slot, "the slot is free again");
  await slot.release();
});

test("a killed worker process's slots come back once its heartbeat stops, long before their lease", async () => {
  const endpoint = `wh_${randomBytes(4).toString("hex")}`;
  // Another process takes the endpoint's only slot for a 60 s request (lease: 65 s) and is SIGKILLed.
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", `const i = await import("@/lib/delivery/in-flight"); const m = i.takeSlot ? i : i.default; if (await m.takeSlot(${JSON.stringify(endpoint)}, 1, 60000, undefined)) console.log("taken"); setInterval(() => {}, 1000);`],
    { cwd: process.cwd(), env: process.env, stdio: ["ignore", "pipe", "inherit"] },
  );
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the child took no slot within 20 s")), 20_000);
      child.stdout!.on("data", (b: Buffer) => b.toString().includes("taken") && (clearTimeout(timer), resolve()));
    });
    assert.equal(await inFlight.takeSlot(endpoint, 1, 100, undefined), null, "the other process holds the slot");
  } finally {
    child.kill("SIGKILL");
  }
  const killedAt = Date.now();
  let slot = null;
  while (!slot && Date.now() - killedAt < 30_000) {
    slot = await inFlight.takeSlot(endpoint, 1, 100, undefined);
    if (!slot) await new Promise((r) => setTimeout(r, 250));
  }
  assert.ok(slot, "the dead process's slot comes back within 30 s (its lease alone would hold it 65 s)");
  assert.ok(Date.now() - killedAt < inFlight.WORKER_HEARTBEAT_TTL_MS + 2000, `freed ${Date.now() - killedAt} ms after the kill`);
  await slot.release();
});

test("max_in_flight is checked, stored and shown; null goes back to the default", async () => {
  const base = { url: "http://127.0.0.1:9/hook", events: ["inflight.setting"] };
  for (const bad of [0, 1001, 2.5, "10"]) {
    const res = await t.api.post("/api/v1/webhooks", { ...base, max_in_flight: bad });
    assert.equal(res.status, 422, `max_in_flight ${JSON.stringify(bad)}: ${JSON.stringify(res.body)}`);
    assert.ok(res.body.error.details.some((d: { path: string }) => d.path === "max_in_flight"), JSON.stringify(res.body));
  }
  const created = await t.api.post("/api/v1/webhooks", { ...base, max_in_flight: 5 });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.max_in_flight, 5);
  assert.equal((await t.api.get(`/api/v1/webhooks/${created.body.id}`)).body.max_in_flight, 5);
  const reset = await t.api.patch(`/api/v1/webhooks/${created.body.id}`, { max_in_flight: null });
  assert.equal(reset.status, 200, JSON.stringify(reset.body));
  assert.equal(reset.body.max_in_flight, undefined);
});
