// Benchmark setup, run with tsx against the bench database: one workspace with
// BENCH_ENDPOINTS webhooks to the receiver, then BENCH_EVENTS events of ~1 KB
// ingested through lib/events (the code behind POST /api/v1/events/batch, minus
// HTTP) in batches of 500 — as fast as possible, or paced at BENCH_RATE events/s
// (batches every 100 ms). Prints one JSON line with the timings.
import { createWorkspace } from "@/lib/workspaces/service";
import { createWebhook } from "@/lib/webhooks/service";
import { ingestEvents } from "@/lib/events/ingest-batch";
import { db } from "@/lib/db";
import { closeDeliveryQueues } from "@/lib/queue/delivery-queue";
import { webhookCreateSchema } from "@/lib/validation/webhook";

const events = Number(process.env.BENCH_EVENTS ?? 20_000);
const endpoints = Number(process.env.BENCH_ENDPOINTS ?? 1);
const target = process.env.BENCH_RECEIVER_URL!;
const rate = Number(process.env.BENCH_RATE ?? 0);
// Paced: a tenth of a second's worth per batch.
const BATCH = rate > 0 ? Math.max(1, Math.min(500, Math.round(rate / 10))) : 500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const ws = await createWorkspace("Benchmark");
  for (let i = 0; i < endpoints; i++) {
    await createWebhook(ws.id, webhookCreateSchema.parse({ url: `${target}/hook/${i}`, events: ["scan.progress"] }));
  }
  const pad = "x".repeat(900);
  const started = performance.now();
  for (let i = 0; i < events; i += BATCH) {
    const n = Math.min(BATCH, events - i);
    if (rate > 0) await sleep(started + (i / rate) * 1000 - performance.now());
    await ingestEvents(
      ws.id,
      Array.from({ length: n }, (_, k) => ({ type: "scan.progress", data: { job_id: `scan_${i + k}`, progress: { percentage: (i + k) % 100 }, pad } })),
    );
    if (Math.floor((i + n) / 5000) > Math.floor(i / 5000)) process.stderr.write(`  ingested ${i + n} / ${events}\n`);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ workspaceId: ws.id, events, endpoints, deliveries: events * endpoints, ingest_seconds: seconds }));
}

main()
  .then(async () => {
    await closeDeliveryQueues();
    await db.$disconnect();
    process.exit(0);
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
