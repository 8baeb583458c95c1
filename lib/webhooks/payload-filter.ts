// Payload filters: MongoDB-style queries on an event's data, evaluated by sift.
// Seed 003's shorthand is accepted too: a list means "one of"
// ({ status: ["rejected", "flagged"] }) and comparison words may be symbols
// ({ confidence: { ">=": 0.8 } }).
import sift from "sift";

const ALLOWED = new Set(["$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$in", "$nin", "$exists", "$and", "$or"]);
const SYMBOLS: Record<string, string> = { ">=": "$gte", ">": "$gt", "<=": "$lte", "<": "$lt", "==": "$eq", "=": "$eq", "!=": "$ne" };

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
  const out: Record<string, unknown> = {};
  for (const [rawKey, value] of Object.entries(filter)) {
    // Own keys only: "constructor" or "toString" must not find Object.prototype's members.
    const key = Object.hasOwn(SYMBOLS, rawKey) ? SYMBOLS[rawKey] : rawKey;
    const here = `${path}.${rawKey}`;
    if (key.startsWith("$")) {
      if (!ALLOWED.has(key)) throw new FilterError(here, `unsupported operator "${rawKey}" (use ${[...ALLOWED].join(" ")})`);
      if (key === "$and" || key === "$or") {
        if (!Array.isArray(value) || value.length === 0) throw new FilterError(here, `${key} takes a non-empty list of conditions`);
        out[key] = value.map((v, i) => {
          if (!isObject(v)) throw new FilterError(`${here}.${i}`, "each condition must be an object");
          return normalizeFilter(v, `${here}.${i}`);
        });
      } else if (key === "$in" || key === "$nin") {
        if (!Array.isArray(value)) throw new FilterError(here, `${key} takes a list`);
        out[key] = value;
      } else if (key === "$exists") {
        if (typeof value !== "boolean") throw new FilterError(here, "$exists takes true or false");
        out[key] = value;
      } else {
        if (isObject(value) || Array.isArray(value)) throw new FilterError(here, `${key} takes a plain value`);
        out[key] = value;
      }
    } else if (Array.isArray(value)) {
      out[key] = { $in: value };
    } else if (isObject(value) && Object.keys(value).some((k) => k.startsWith("$") || Object.hasOwn(SYMBOLS, k))) {
      out[key] = normalizeFilter(value, here);
    } else {
      out[key] = value;
    }
  }
  return out;
}

export function compileFilter(filter: Record<string, unknown>): (data: unknown) => boolean {
  const test = sift(normalizeFilter(filter));
  return (data) => {
    try {
      return test(data);
    } catch {
      return false;
    }
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
