// The live feed's wire format (seed 000): one message per event, and the
// commands a client may send.
import { z } from "zod";

export interface LiveEvent {
  workspaceId: string;
  id: string;
  event: string;
  timestamp: string;
  data: Record<string, unknown>;
}

/** What a client receives for one event. */
export const toMessage = (e: LiveEvent) => ({ type: "event" as const, id: e.id, event: e.event, timestamp: e.timestamp, data: e.data });
export type LiveMessage = ReturnType<typeof toMessage>;

export const clientCommand = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("subscribe"),
    events: z.array(z.string().min(1).max(200)).max(200).optional(),
    filters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  }),
  z.object({ action: z.literal("unsubscribe"), events: z.array(z.string()).max(200).optional() }),
  z.object({ action: z.literal("ping") }),
]);
export type ClientCommand = z.infer<typeof clientCommand>;

/** Cross-process event name (redis-emitter → redis-adapter → every web process). */
export const LIVE_BATCH = "live:batch";
