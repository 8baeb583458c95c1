// The final table: our figures, then each reference with our rate as a ratio to it.
import { REFERENCE_LABELS } from "./references.mjs";

const n = (x) => (x == null ? "—" : Number(x).toLocaleString("en-US"));
const ratio = (ours, theirs) => {
  if (!ours || !theirs) return "n/a";
  const r = ours / theirs;
  return r >= 1 ? `${r.toFixed(2)}x` : r.toFixed(r < 0.1 ? 3 : 2);
};

export function formatReport(r) {
  const o = r.ours;
  const lines = [];
  const W = 52;
  const row = (label, value) => lines.push(`  ${label.padEnd(W)} ${value}`);
  lines.push(
    "",
    `HookRelay delivery benchmark — ${n(o.events)} events of ~1 KB → ${o.endpoints} webhook(s) on a loopback receiver; ` +
      `${r.config.workers} worker process(es), WORKER_CONCURRENCY ${r.config.worker_concurrency}, DATABASE_POOL_SIZE ${r.config.database_pool_size}; ` +
      `${r.machine.cpus} CPUs, Node ${r.machine.node}`,
    "",
  );
  row("end to end (first ingest → last succeeded)", `${n(o.deliveries_per_s)} deliveries/s  (${n(o.deliveries)} in ${o.wall_seconds} s)`);
  row("ingest (lib/events, batches of " + o.ingest.batch_size + ")", `${n(o.ingest.events_per_s)} events/s  (done after ${o.ingest.seconds} s; ${n(o.delivered_while_ingesting)} delivered by then)`);
  if (o.deliveries_per_s_after_ingest) row("delivery rate after ingest finished", `${n(o.deliveries_per_s_after_ingest)} deliveries/s`);
  row(
    "attempt writes (first → last)",
    `${n(o.attempt_writes.per_s)} attempts/s  (${n(o.attempt_writes.transactions)} transactions, ~${o.attempt_writes.rows_per_transaction} rows each)`,
  );
  row("latency under that backlog, stored → succeeded", `p50 ${n(o.latency_ms.p50)} ms · p95 ${n(o.latency_ms.p95)} ms · p99 ${n(o.latency_ms.p99)} ms · max ${n(o.latency_ms.max)} ms`);
  if (o.paced) {
    const q = o.paced;
    row(
      `latency paced at ${n(q.rate)}/s (after ${q.warm_up_seconds_excluded} s warm-up)`,
      `p50 ${n(q.latency_ms.p50)} ms · p95 ${n(q.latency_ms.p95)} ms · p99 ${n(q.latency_ms.p99)} ms · max ${n(q.latency_ms.max)} ms` +
        (q.achieved_rate < q.rate * 0.95 ? `  (ingest kept up only ${n(q.achieved_rate)}/s)` : "") +
        (q.exactly_once ? "" : `  NOT exactly once: ${n(q.receiver.requests)} requests, ${n(q.receiver.unique)} distinct`),
    );
  }
  if (o.http) {
    const h = o.http;
    row(
      `HTTP ingest, POST /api/v1/events (${h.single.concurrency} in flight)`,
      `${n(h.single.per_s)} events/s · response p50 ${n(h.single.latency_ms.p50)} ms · p99 ${n(h.single.latency_ms.p99)} ms`,
    );
    row(
      `HTTP ingest, /api/v1/events/batch (${h.batch.batch_size} per request)`,
      `${n(h.batch.per_s)} events/s · response p50 ${n(h.batch.latency_ms.p50)} ms · p99 ${n(h.batch.latency_ms.p99)} ms` +
        (h.exactly_once ? "" : `  NOT exactly once: ${n(h.receiver.requests)} requests, ${n(h.receiver.unique)} distinct`),
    );
  }
  row("attempt round trip (POST)", `p50 ${n(o.attempt_round_trip_ms.p50)} ms · p95 ${n(o.attempt_round_trip_ms.p95)} ms`);
  const c = o.receiver;
  row(
    "exactly once at the receiver",
    `${o.exactly_once ? "yes" : "NO"}: ${n(c.requests)} requests, ${n(c.unique)} distinct webhook-ids, ${n(c.duplicates)} duplicates; ${n(o.database.attempts)} attempt rows`,
  );
  if (o.cpu) {
    const parts = Object.entries(o.cpu.cpu_seconds)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v} s`);
    parts.push(`ingest ${o.ingest.cpu_seconds} s`);
    row("CPU during the run", `machine ${o.cpu.machine_busy_pct}% busy; ${parts.join(", ")}`);
  }
  const p = o.postgres;
  if (p) {
    row(
      "PostgreSQL per delivery",
      `${p.commits_per_delivery} commits, ${p.rows_inserted_per_delivery} rows inserted, ${p.rows_updated_per_delivery} updated ` +
        `(${p.delivery_updates_hot_pct}% of Delivery updates HOT), ${n(p.wal_bytes_per_delivery)} WAL bytes`,
    );
  }

  lines.push("");
  const refs = r.references;
  if (!refs) {
    lines.push("  references skipped (BENCH_SKIP_REFERENCES=1)");
  } else {
    lines.push(`  ${"reference (same machine, same run)".padEnd(W)} ${"figure".padEnd(22)} ours ÷ it`);
    for (const [key, label] of Object.entries(REFERENCE_LABELS)) {
      const ref = refs[key];
      if (!ref?.value) {
        lines.push(`  ${label.padEnd(W)} unavailable: ${ref?.error ?? "not run"}`);
        continue;
      }
      let cmp = ratio(o.deliveries_per_s, ref.value);
      if (key === "l3") cmp += `  (attempt writes ÷ it: ${ratio(o.attempt_writes.per_s, ref.value)})`;
      if (key === "l1" && o.http) cmp += `  (HTTP ingest of single events ÷ it: ${ratio(o.http.single.per_s, ref.value)})`;
      lines.push(`  ${label.padEnd(W)} ${`${n(ref.value)} ${ref.unit}`.padEnd(22)} ${cmp}`);
      if (ref.note) lines.push(`  ${"".padEnd(W)} (${ref.note})`);
    }
    if (refs.receiver) lines.push(`  ${"their receiver.mjs counted".padEnd(W)} ${n(refs.receiver.received)} requests (L1 + peer: ${n((refs.l1?.raw?.requests ?? 0) + (refs.diy?.raw?.deliveries ?? 0))} expected)`);
    lines.push("");
    lines.push(`  ours / DIY peer = ${ratio(o.deliveries_per_s, refs.diy?.value)}; ours / BullMQ no-op processing limit = ${ratio(o.deliveries_per_s, refs.l2?.value)}; ours / raw POST limit = ${ratio(o.deliveries_per_s, refs.l1?.value)}`);
    if (o.deliveries_per_s_after_ingest) lines.push(`  (backlog drain: our delivery rate after ingest finished / DIY peer = ${ratio(o.deliveries_per_s_after_ingest, refs.diy?.value)})`);
    lines.push("  The references pre-queue their jobs and time the processing only; ours runs from the first ingest and stores every event, delivery and attempt.");
  }
  lines.push("");
  return lines.join("\n");
}
