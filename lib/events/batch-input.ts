// Checks a parsed batch beyond its schema (per-event size, callback URL
// destinations, payloads of custom types that ask for validation) and turns
// it into ingest inputs. All-or-nothing: every
// problem is reported with its item's path, and nothing is stored.
import { ApiError } from "../api/errors";
import { urlProblem } from "../delivery/ssrf";
import type { EventIngestInput } from "../validation/event";
import { MAX_EVENT_BYTES } from "../api/body-limits";
import { payloadProblems } from "../catalog/validate";
import type { IngestInput } from "./ingest";

export async function batchInputs(workspaceId: string, events: EventIngestInput[]): Promise<IngestInput[]> {
  const problems: { path: string; message: string }[] = [];
  events.forEach((e, i) => {
    if (Buffer.byteLength(JSON.stringify(e)) > MAX_EVENT_BYTES) {
      problems.push({ path: `events.${i}`, message: `an event may not exceed ${MAX_EVENT_BYTES / 1024} KB` });
    }
    const blocked = e.webhook_url ? urlProblem(e.webhook_url) : null;
    if (blocked) problems.push({ path: `events.${i}.webhook_url`, message: blocked });
  });
  const invalid = await payloadProblems(workspaceId, events.map((e) => ({ type: (e.event ?? e.type)!, data: e.data })));
  for (const [i, errors] of [...invalid].sort(([a], [b]) => a - b)) {
    for (const e of errors) problems.push({ path: `events.${i}.${e.path}`, message: e.message });
  }
  if (problems.length) {
    throw new ApiError("validation_failed", problems.map((p) => `${p.path}: ${p.message}`).join("; "), problems);
  }
  return events.map((e) => ({ type: (e.event ?? e.type)!, data: e.data, idempotencyKey: e.id, callbackUrl: e.webhook_url }));
}
