// The live feed's wire format (the Content Protection Platform's; docs/compatibility.md): one message per event, and the
// commands a client may send. Replies: `subscribed` { events: this command's
// patterns, filters, total }, `unsubscribed` { events: the patterns it removed,
// total }, `pong`, and `error` { code, message } for a refused command or, just
// before the server closes the connection, for credentials that lapsed.
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

// Bounds on what one connection may ask for: every event is matched against its
// patterns and filters, so their size is CPU per event (the pattern count is
// LIVE_MAX_PATTERNS, enforced by the hub since it depends on what is already held).
const MAX_PATTERN_LENGTH = 200;
const MAX_PATTERNS_PER_COMMAND = 200;
const MAX_FILTERS = 20;
const MAX_FILTER_KEY_LENGTH = 100;
const MAX_FILTER_VALUE_LENGTH = 200;

const patterns = z
  .array(z.string().min(1, "a pattern is never empty").max(MAX_PATTERN_LENGTH, `a pattern is at most ${MAX_PATTERN_LENGTH} characters`))
  .max(MAX_PATTERNS_PER_COMMAND, `at most ${MAX_PATTERNS_PER_COMMAND} patterns per command`);

const filters = z
  .record(
    z.string().max(MAX_FILTER_KEY_LENGTH, `a filter name is at most ${MAX_FILTER_KEY_LENGTH} characters`),
    z.union([z.string().max(MAX_FILTER_VALUE_LENGTH, `a filter value is at most ${MAX_FILTER_VALUE_LENGTH} characters`), z.number(), z.boolean()]),
  )
  .refine((f) => Object.keys(f).length <= MAX_FILTERS, `at most ${MAX_FILTERS} filters`);

export const clientCommand = z.discriminatedUnion("action", [
  z.object({ action: z.literal("subscribe"), events: patterns.optional(), filters: filters.optional() }),
  z.object({ action: z.literal("unsubscribe"), events: patterns.optional() }),
  z.object({ action: z.literal("ping") }),
]);
export type ClientCommand = z.infer<typeof clientCommand>;

/** What a client is told when a command is refused or its connection ends. */
export const errorReply = (code: string, message: string) => ({ type: "error" as const, code, message });

/** A client's command, or the error reply that names what is wrong with it. */
export function parseCommand(raw: unknown): { command: ClientCommand } | { error: ReturnType<typeof errorReply> } {
  const parsed = clientCommand.safeParse(raw);
  if (parsed.success) return { command: parsed.data };
  const issue = parsed.error.issues[0];
  if (issue.path.length === 0 || issue.path[0] === "action") {
    return { error: errorReply("unknown_command", "unknown command: use subscribe, unsubscribe or ping") };
  }
  return { error: errorReply("invalid_command", `${issue.path.join(".")}: ${issue.message}`) };
}

/** Cross-process event name (redis-emitter → redis-adapter → every web process). */
export const LIVE_BATCH = "live:batch";
