// Public ids are a type prefix plus a ULID: sortable by creation time, which
// keeps cursor pagination and "newest first" lists on the primary key.
import { monotonicFactory } from "ulid";

const ulid = monotonicFactory();

export type IdPrefix = "ws" | "mem" | "key" | "wh" | "evt" | "dlv" | "att" | "bat" | "et" | "rec" | "inv";

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${ulid().toLowerCase()}`;
}
