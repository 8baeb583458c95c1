// Benchmark producer, run with `node --import tsx` against the bench database:
// one workspace with BENCH_ENDPOINTS webhooks to the loopback receiver (webhook i
// subscribes to "bench.e<i>", events go round-robin, so every event has exactly
// one delivery), then BENCH_EVENTS events of ~1 KB ingested through lib/events
// (ingestEvents: the code behind POST /api/v1/events/batch, minus HTTP) in
// batches of BENCH_BATCH, one after another, as fast as possible — or, with
// BENCH_RATE set, paced at that many events per second (a batch every 50 ms),
// for the latency at a steady load.
// The clock starts after set-up and connection warm-up, so tsx start-up is not
// counted. Progress goes to stderr; the last stdout line is the JSON summary.
import { ingestEvents } from "@/lib/events/ingest-batch";
import { db } from "@/lib/db";
import { closeQueues } from "@/lib/queue/queues";
import { readyRedis } from "@/lib/redis";
import { benchEvent, createBenchWorkspace } from "./bench-workspace";

const events = Number(process.env.BENCH_EVENTS ?? 20_000);
const endpoints = Number(process.env.BENCH_ENDPOINTS ?? 4);
const batchSize = Number(process.env.BENCH_BATCH ?? 500);
const target = process.env.BENCH_RECEIVER_URL;
const rate = Number(process.env.BENCH_RATE ?? 0);
const workspaceName = process.env.BENCH_WORKSPACE_NAME ?? "Benchmark";
const TICK_MS = 50;

async function main() {
  if (!target) throw new Error("BENCH_RECEIVER_URL is not set");
  const workspaceId = await createBenchWorkspace(workspaceName, endpoints, target);
  // Warm up both connections so the first batch does not pay for them.
  await db.$queryRaw`SELECT 1`;
  await readyRedis(5000);

  const cpu0 = process.cpuUsage();
  process.stderr.write("ingest started\n");
  const firstIngestAt = Date.now();
  const started = performance.now();
  let lastReport = started;
  const step = rate > 0 ? Math.max(1, Math.round((rate * TICK_MS) / 1000)) : batchSize;
  for (let i = 0; i < events; i += step) {
    const n = Math.min(step, events - i);
    if (rate > 0) {
      // Event i is due at start + i / rate; a late batch goes at once, so the average rate holds.
      const wait = started + (i / rate) * 1000 - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    await ingestEvents(
      workspaceId,
      Array.from({ length: n }, (_, k) => benchEvent(i + k, endpoints)),
    );
    const now = performance.now();
    if (now - lastReport >= 2000 || i + n === events) {
      lastReport = now;
      process.stderr.write(`ingested ${i + n} / ${events} events (${Math.round((i + n) / ((now - started) / 1000))}/s)\n`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  console.log(
    JSON.stringify({
      workspace_id: workspaceId,
      events,
      endpoints,
      deliveries: events, // one subscribed webhook per event
      batch_size: step,
      rate: rate > 0 ? rate : null,
      first_ingest_at: firstIngestAt,
      ingest_done_at: Date.now(),
      ingest_seconds: seconds,
      cpu_seconds: (cpu.user + cpu.system) / 1e6,
    }),
  );
}

main()
  .then(async () => {
    await closeQueues();
    await db.$disconnect();
    process.exit(0);
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
