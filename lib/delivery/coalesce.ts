// Progress coalescing (the downloads API throttles download.progress to 1/s): progress
// events of one entity reach an endpoint at most once per interval, a
// superseded unsent one is skipped for the newest, and the entity's terminal
// event (*.completed / *.failed) is never skipped nor sent before the last
// progress event.
import type { EndpointPolicy } from "../validation/endpoint-policy";

type Coalesce = NonNullable<EndpointPolicy["coalesce"]>;

const family = (type: string) => type.slice(0, type.lastIndexOf(".") + 1);

export function isProgressType(c: Coalesce, type: string): boolean {
  return c.event_types.includes(type);
}

export function isTerminalType(c: Coalesce, type: string): boolean {
  return (
    (type.endsWith(".completed") || type.endsWith(".failed")) && c.event_types.some((p) => family(p) === family(type))
  );
}

/** "<entity key>=<value>" for events the endpoint coalesces, else null. */
export function coalesceKeyFor(policy: EndpointPolicy, type: string, data: Record<string, unknown>): string | null {
  const c = policy.coalesce;
  if (!c || !(isProgressType(c, type) || isTerminalType(c, type))) return null;
  const value = data[c.entity_key];
  if (value === undefined || value === null || typeof value === "object") return null;
  return `${family(type)}${c.entity_key}=${String(value)}`;
}
