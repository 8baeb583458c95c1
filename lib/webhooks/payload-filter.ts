// Payload filters: MongoDB-style queries on an event's data, evaluated by sift.
// Pixel Patrol's shorthand is accepted too: a list means "one of"
// ({ status: ["rejected", "flagged"] }) and comparison words may be symbols
// ({ confidence: { ">=": 0.8 } }).
import sift from "sift";

const ALLOWED = new Set(["$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$in", "$nin", "$exists", "$and", "$or"]);
// A Map, not an object literal: a field named "constructor" or "toString" must
// not find Object.prototype's members.
const SYMBOLS = new Map(Object.entries({ ">=": "$gte", ">": "$gt", "<=": "$lte", "<": "$lt", "==": "$eq", "=": "$eq", "!=": "$ne" }));

// sift reads "__proto__" as the payload's prototype, and takes a query with its
// own "constructor" for a value to compare rather than a query: neither can
// name a field. ("toString", "valueOf"… are plain field names.)
const RESERVED = new Set(["__proto__", "constructor"]);

export class FilterError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** Normalises shorthand and rejects operators outside the supported set. */
export function normalizeFilter(filter: Record<string, unknown>, path = "filter"): Record<string, unknown> {
  const out: Array<[string, unknown]> = [];
  for (const [rawKey, value] of Object.entries(filter)) {
    const key = SYMBOLS.get(rawKey) ?? rawKey;
    const here = `${path}.${rawKey}`;
    const reserved = key.split(".").find((segment) => RESERVED.has(segment));
    if (reserved) throw new FilterError(here, `"${reserved}" cannot be used as a field name`);
    if (key.startsWith("$")) {
      if (!ALLOWED.has(key)) throw new FilterError(here, `unsupported operator "${rawKey}" (use ${[...ALLOWED].join(" ")})`);
      if (key === "$and" || key === "$or") {
        if (!Array.isArray(value) || value.length === 0) throw new FilterError(here, `${key} takes a non-empty list of conditions`);
        out.push([
          key,
          value.map((v, i) => {
            if (!isObject(v)) throw new FilterError(`${here}.${i}`, "each condition must be an object");
            return normalizeFilter(v, `${here}.${i}`);
          }),
        ]);
      } else if (key === "$in" || key === "$nin") {
        if (!Array.isArray(value)) throw new FilterError(here, `${key} takes a list`);
        out.push([key, value]);
      } else if (key === "$exists") {
        if (typeof value !== "boolean") throw new FilterError(here, "$exists takes true or false");
        out.push([key, value]);
      } else {
        if (isObject(value) || Array.isArray(value)) throw new FilterError(here, `${key} takes a plain value`);
        out.push([key, value]);
      }
    } else if (Array.isArray(value)) {
      out.push([key, { $in: value }]);
    } else if (isObject(value) && Object.keys(value).some((k) => k.startsWith("$") || SYMBOLS.has(k))) {
      out.push([key, normalizeFilter(value, here)]);
    } else {
      out.push([key, value]);
    }
  }
  // fromEntries defines own properties, whatever the key is called.
  return Object.fromEntries(out);
}

/**
 * The filter as a predicate. Throws FilterError when sift refuses the query
 * (e.g. operators and field names mixed in one condition); the predicate
 * itself throws if sift fails on a payload: callers decide what that means.
 */
export function compileFilter(filter: Record<string, unknown>): (data: unknown) => boolean {
  const query = normalizeFilter(filter);
  let test: (data: unknown) => boolean;
  try {
    test = sift(query);
    // A trial run: some mistakes only surface on the first evaluation.
    test({});
  } catch (err) {
    throw new FilterError("filter", `is not a valid query: ${err instanceof Error ? err.message : String(err)}`);
  }
  return test;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
