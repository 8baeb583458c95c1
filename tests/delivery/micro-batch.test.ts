// MicroBatch: one bad item never fails its batch-mates. A failed batch is
// split in halves and run again until only the items that fail alone remain.
import { test } from "node:test";
import assert from "node:assert/strict";
import { MicroBatch } from "@/lib/delivery/micro-batch";

/** A runner that refuses any batch containing a "bad" item, like a statement with one unstorable row. */
function runner() {
  const calls: string[][] = [];
  const run = async (items: string[]) => {
    calls.push(items);
    const bad = items.find((i) => i.startsWith("bad"));
    if (bad) throw new Error(`cannot store ${bad}`);
    return items.map((i) => i.toUpperCase());
  };
  return { calls, run };
}

const settle = (ps: Promise<string>[]) => Promise.allSettled(ps);

test("a healthy batch runs once, results in order", async () => {
  const { calls, run } = runner();
  const batch = new MicroBatch(run, 10, 5);
  const out = await Promise.all(["a", "b", "c"].map((i) => batch.add(i)));
  assert.deepEqual(out, ["A", "B", "C"]);
  assert.equal(calls.length, 1);
});

test("one bad item: only it fails, its batch-mates are written", async () => {
  const { calls, run } = runner();
  const batch = new MicroBatch(run, 100, 5);
  const items = ["a", "b", "c", "d", "bad-e", "f", "g", "h"];
  const results = await settle(items.map((i) => batch.add(i)));
  results.forEach((r, i) => {
    if (items[i] === "bad-e") {
      assert.equal(r.status, "rejected");
      assert.match(String((r as PromiseRejectedResult).reason), /cannot store bad-e/);
    } else {
      assert.deepEqual(r, { status: "fulfilled", value: items[i].toUpperCase() });
    }
  });
  // Halving, first half first: 8 → 4 (ok) + 4 → 2 → 1 (bad) + 1 (ok), then the other 2 (ok).
  assert.deepEqual(calls.map((c) => c.length), [8, 4, 4, 2, 1, 1, 2]);
  assert.deepEqual(calls[4], ["bad-e"]);
});

test("several bad items: each fails on its own, every other item succeeds", async () => {
  const { run } = runner();
  const batch = new MicroBatch(run, 100, 5);
  const items = ["bad-1", "a", "b", "c", "d", "e", "bad-2", "f", "g"];
  const results = await settle(items.map((i) => batch.add(i)));
  assert.deepEqual(
    results.map((r) => r.status),
    items.map((i) => (i.startsWith("bad") ? "rejected" : "fulfilled")),
  );
});

test("a failure of every row (the database is down) rejects each item with the error", async () => {
  let calls = 0;
  const batch = new MicroBatch<string, string>(async () => {
    calls++;
    throw new Error("connection refused");
  }, 100, 5);
  const results = await settle(["a", "b", "c", "d"].map((i) => batch.add(i)));
  assert.ok(results.every((r) => r.status === "rejected" && /connection refused/.test(String(r.reason))));
  assert.equal(calls, 7, "4 items: the batch, two halves, four singles");
});

test("later items are not held up by a split batch", async () => {
  const { run } = runner();
  const batch = new MicroBatch(run, 2, 5);
  const results = await settle(["bad-1", "a", "b", "c"].map((i) => batch.add(i)));
  assert.deepEqual(results.map((r) => r.status), ["rejected", "fulfilled", "fulfilled", "fulfilled"]);
});

test("a full batch runs at once, never more than maxBatch items", async () => {
  const { calls, run } = runner();
  const batch = new MicroBatch(run, 3, 60_000);
  const started = Date.now();
  const out = await Promise.all(["a", "b", "c", "d", "e", "f", "g"].map((i) => batch.add(i)));
  assert.deepEqual(out, ["A", "B", "C", "D", "E", "F", "G"]);
  // The queue reached maxBatch, so nothing waited for the minute-long timer.
  assert.ok(Date.now() - started < 5_000);
  assert.deepEqual(calls, [["a", "b", "c"], ["d", "e", "f"], ["g"]]);
});

test("batches never overlap; what arrives while one runs goes together in the next", async () => {
  let running = 0;
  let mostAtOnce = 0;
  const calls: string[][] = [];
  const batch = new MicroBatch<string, string>(async (items) => {
    calls.push(items);
    running++;
    mostAtOnce = Math.max(mostAtOnce, running);
    await new Promise((r) => setTimeout(r, 100));
    running--;
    return items;
  }, 100, 5);
  const first = batch.add("a");
  await new Promise((r) => setTimeout(r, 30)); // "a" is being written now
  await Promise.all([first, ...["b", "c", "d"].map((i) => batch.add(i))]);
  assert.equal(mostAtOnce, 1);
  assert.deepEqual(calls, [["a"], ["b", "c", "d"]]);
});

test("drain runs what is waiting without waiting for the timer", async () => {
  const { calls, run } = runner();
  const batch = new MicroBatch(run, 100, 60_000);
  const pending = ["a", "b"].map((i) => batch.add(i));
  await batch.drain();
  assert.deepEqual(calls, [["a", "b"]]);
  assert.deepEqual(await Promise.all(pending), ["A", "B"]);
});

test("items further apart than maxWaitMs go in separate batches", async () => {
  const { calls, run } = runner();
  const batch = new MicroBatch(run, 100, 5);
  await batch.add("a");
  await new Promise((r) => setTimeout(r, 20));
  await batch.add("b");
  assert.deepEqual(calls, [["a"], ["b"]]);
});
