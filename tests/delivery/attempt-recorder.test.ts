// The attempt recorder against the real database: an attempt PostgreSQL
// refuses (here a response with a NUL character, written without the worker's
// cleaning) fails alone. Its delivery gets an internal error, its batch-mates
// of other tenants are written as they came.
import { describe, test, after, before } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { AttemptRecorder, type AttemptRecord } from "@/lib/delivery/attempt-recorder";
import { eventually } from "../helpers/api";
import { newTenant } from "../helpers/tenant";
import { receiverPool } from "../helpers/receiver";

const pool = receiverPool();
const recorder = new AttemptRecorder(50, 20);
after(async () => {
  await pool.closeAll();
  await db.$disconnect();
});

/** A delivered (succeeded) delivery of a fresh tenant, to record a further attempt on. */
async function deliveredDelivery(name: string) {
  const t = await newTenant(name);
  const rx = await pool.start(() => 200);
  const hook = await t.api.post("/api/v1/webhooks", { url: rx.url, events: ["recorder.test"] });
  assert.equal(hook.status, 201);
  const sent = await t.api.post("/api/v1/events", { event: "recorder.test", data: {} });
  return eventually(
    () => db.delivery.findFirst({ where: { eventId: sent.body.id, status: "succeeded" }, include: { endpoint: true } }),
    15_000,
    "the delivery to succeed",
  );
}

function record(d: NonNullable<Awaited<ReturnType<typeof deliveredDelivery>>>, responseBody: string): AttemptRecord {
  const at = new Date();
  return {
    attempt: {
      id: newId("att"),
      workspaceId: d.workspaceId,
      deliveryId: d.id,
      number: 2,
      trigger: "manual",
      requestUrl: d.endpoint.url,
      requestHeaders: { "webhook-id": d.eventId },
      requestBody: "{}",
      responseStatus: 200,
      responseHeaders: { "content-type": "text/plain" },
      responseBody,
      durationMs: 5,
      error: null,
      createdAt: at,
    },
    delivery: { id: d.id, status: "succeeded", attemptCount: 2, nextAttemptAt: null, lastAttemptAt: at, lastStatus: 200, lastError: null },
    endpoint: { id: d.endpointId, success: true, at },
  };
}

let good1: Awaited<ReturnType<typeof deliveredDelivery>>;
let bad: Awaited<ReturnType<typeof deliveredDelivery>>;
let good2: Awaited<ReturnType<typeof deliveredDelivery>>;
before(async () => {
  [good1, bad, good2] = await Promise.all([deliveredDelivery("Recorder A"), deliveredDelivery("Recorder B"), deliveredDelivery("Recorder C")]);
});

test("an attempt PostgreSQL refuses fails alone and is recorded as an internal error", async () => {
  // Recorded together: the three land in one batch.
  const results = await Promise.allSettled([
    recorder.record(record(good1, "first")),
    recorder.record(record(bad, "nul\u0000here")),
    recorder.record(record(good2, "third")),
  ]);
  assert.deepEqual(results.map((r) => r.status), ["fulfilled", "fulfilled", "fulfilled"]);

  for (const [d, body] of [[good1, "first"], [good2, "third"]] as const) {
    const row = await db.delivery.findUniqueOrThrow({ where: { id: d.id }, include: { attempts: { orderBy: { number: "asc" } } } });
    assert.equal(row.attemptCount, 2);
    assert.equal(row.lastError, null);
    assert.equal(row.attempts.length, 2);
    assert.equal(row.attempts[1].responseBody, body);
    assert.equal(row.attempts[1].error, null);
  }

  const row = await db.delivery.findUniqueOrThrow({ where: { id: bad.id }, include: { attempts: { orderBy: { number: "asc" } } } });
  // The outcome of the request still counts: it was sent and answered 200.
  assert.equal(row.status, "succeeded");
  assert.equal(row.attemptCount, 2);
  assert.equal(row.attempts.length, 2);
  const attempt = row.attempts[1];
  assert.equal(attempt.responseStatus, 200);
  assert.equal(attempt.responseBody, null);
  assert.match(attempt.error ?? "", /^internal: could not record the response: /);
  assert.match(row.lastError ?? "", /^internal: could not record the response/);
  for (const text of [attempt.error ?? "", row.lastError ?? ""]) {
    assert.doesNotMatch(text, /prisma|invalid `|\$executeRaw|P2010/i, "no database internals");
  }
});

test("while the database refuses to record a sent attempt, the worker retries the record, never the request", async () => {
  // A real refusal inside PostgreSQL: attempts for one URL cannot be inserted
  // until the test lifts the block (as during an outage of that write).
  await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS test_refused_url (url text PRIMARY KEY)`);
  await db.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION test_refuse_attempt() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM test_refused_url WHERE url = NEW."requestUrl") THEN
        RAISE EXCEPTION 'refused by test' USING ERRCODE = '08006';
      END IF;
      RETURN NEW;
    END $$`);
  await db.$executeRawUnsafe(`
    CREATE OR REPLACE TRIGGER test_refuse_attempt BEFORE INSERT ON "Attempt"
      FOR EACH ROW EXECUTE FUNCTION test_refuse_attempt()`);
  try {
    const t = await newTenant("Recorder outage");
    const rx = await pool.start(() => ({ status: 200, body: "got it" }));
    await db.$executeRaw`INSERT INTO test_refused_url (url) VALUES (${rx.url})`;
    const hook = await t.api.post("/api/v1/webhooks", { url: rx.url, events: ["recorder.test"] });
    assert.equal(hook.status, 201);
    const sent = await t.api.post("/api/v1/events", { event: "recorder.test", data: {} });
    await rx.waitFor(1);
    await new Promise((r) => setTimeout(r, 1500)); // several refused tries
    await db.$executeRaw`DELETE FROM test_refused_url WHERE url = ${rx.url}`;

    const d = await eventually(
      () => db.delivery.findFirst({ where: { eventId: sent.body.id, status: "succeeded" }, include: { attempts: true } }),
      20_000,
      "the delivery to be recorded",
    );
    await new Promise((r) => setTimeout(r, 1500)); // a re-sent request would arrive by now
    assert.equal(rx.requests.length, 1, "the webhook was sent once");
    assert.equal(d.attempts.length, 1);
    assert.equal(d.attempts[0].responseBody, "got it", "recorded in full once the database accepted it");
    assert.equal(d.lastError, null);
  } finally {
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_refuse_attempt ON "Attempt"`);
  }
});

// Endpoint health counts. A batch holds several attempts per endpoint; what it writes
// is the state after the latest of them (by time, whatever order they arrived in):
// failures after the batch's last success replace the count, a batch without a success
// adds its failures to it. The records name no delivery, so only the endpoint changes.
describe("endpoint health counts of a batch", () => {
  const t0 = Date.parse("2026-01-01T00:00:00Z");
  const at = (s: number) => new Date(t0 + s * 1000);

  /** An endpoint of a fresh tenant whose count of failures in a row is `failures`. */
  async function endpointWith(failures: number) {
    const t = await newTenant("Recorder health");
    const rx = await pool.start(() => 200);
    const hook = await t.api.post("/api/v1/webhooks", { url: rx.url, events: ["recorder.test"] });
    assert.equal(hook.status, 201);
    await db.endpoint.update({ where: { id: hook.body.id }, data: { consecutiveFailures: failures } });
    return { id: hook.body.id as string, workspaceId: t.workspaceId };
  }

  function outcome(e: { id: string; workspaceId: string }, success: boolean, when: Date): AttemptRecord {
    return {
      attempt: {
        id: newId("att"),
        workspaceId: e.workspaceId,
        deliveryId: newId("dlv"),
        number: 1,
        trigger: "scheduled",
        requestUrl: "http://127.0.0.1/",
        requestHeaders: {},
        requestBody: "{}",
        responseStatus: success ? 200 : 500,
        durationMs: 1,
        error: null,
        createdAt: when,
      },
      delivery: { id: newId("dlv"), status: success ? "succeeded" : "pending", attemptCount: 1, nextAttemptAt: null, lastAttemptAt: when, lastStatus: success ? 200 : 500, lastError: null },
      endpoint: { id: e.id, success, at: when },
    };
  }

  /** Records the outcomes together (one batch), in the order given. */
  async function recordTogether(...records: AttemptRecord[]) {
    await Promise.all(records.map((r) => recorder.record(r)));
  }

  const health = (id: string) => db.endpoint.findUniqueOrThrow({ where: { id }, select: { consecutiveFailures: true, lastSuccessAt: true, lastFailureAt: true } });

  test("failures after the batch's last success are the count; those before it are forgiven", async () => {
    const e = await endpointWith(4);
    await recordTogether(outcome(e, false, at(1)), outcome(e, true, at(2)), outcome(e, false, at(3)), outcome(e, false, at(4)));
    assert.deepEqual(await health(e.id), { consecutiveFailures: 2, lastSuccessAt: at(2), lastFailureAt: at(4) });
  });

  test("a batch without a success adds its failures to the count", async () => {
    const e = await endpointWith(3);
    await recordTogether(outcome(e, false, at(1)), outcome(e, false, at(2)));
    assert.deepEqual(await health(e.id), { consecutiveFailures: 5, lastSuccessAt: null, lastFailureAt: at(2) });
  });

  test("a success as the batch's latest outcome resets the count", async () => {
    const e = await endpointWith(4);
    await recordTogether(outcome(e, false, at(1)), outcome(e, false, at(2)), outcome(e, true, at(3)));
    assert.deepEqual(await health(e.id), { consecutiveFailures: 0, lastSuccessAt: at(3), lastFailureAt: at(2) });
  });

  test("outcomes count in the order of their time, not of their arrival", async () => {
    const late = await endpointWith(2);
    const early = await endpointWith(2);
    await recordTogether(
      // Arrives first, happened last: the endpoint ends on a success.
      outcome(late, true, at(9)),
      outcome(late, false, at(1)),
      outcome(late, false, at(2)),
      // Arrives first, happened first: the failures after it count.
      outcome(early, true, at(1)),
      outcome(early, false, at(8)),
    );
    assert.deepEqual(await health(late.id), { consecutiveFailures: 0, lastSuccessAt: at(9), lastFailureAt: at(2) });
    assert.deepEqual(await health(early.id), { consecutiveFailures: 1, lastSuccessAt: at(1), lastFailureAt: at(8) });
  });

  test("each endpoint in a batch keeps its own count", async () => {
    const a = await endpointWith(0);
    const b = await endpointWith(1);
    await recordTogether(outcome(a, false, at(1)), outcome(b, true, at(2)), outcome(a, false, at(3)), outcome(b, false, at(4)));
    assert.equal((await health(a.id)).consecutiveFailures, 2);
    assert.equal((await health(b.id)).consecutiveFailures, 1);
  });
});
