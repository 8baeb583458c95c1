// What both benchmark producers (ingest.ts, http-ingest.ts) set up and send:
// a workspace whose webhook i subscribes to "bench.e<i>" only, and events of
// ~1 KB going round-robin over those types, so every event has one delivery.
import { createWorkspace } from "@/lib/workspaces/service";
import { createWebhook } from "@/lib/webhooks/service";
import { webhookCreateSchema } from "@/lib/validation/webhook";

const pad = "x".repeat(900);

export async function createBenchWorkspace(name: string, endpoints: number, receiverUrl: string): Promise<string> {
  const ws = await createWorkspace(name);
  for (let i = 0; i < endpoints; i++) {
    await createWebhook(ws.id, webhookCreateSchema.parse({ url: `${receiverUrl}/hook/${i}`, events: [`bench.e${i}`] }));
  }
  return ws.id;
}

/** Event number `seq`: its type and ~1 KB of data. */
export function benchEvent(seq: number, endpoints: number) {
  return { type: `bench.e${seq % endpoints}`, data: { job_id: `scan_${seq}`, seq, progress: { percentage: seq % 100 }, pad } };
}
