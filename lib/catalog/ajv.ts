// One way to compile JSON Schemas (draft 2020-12 + formats). A fresh Ajv per
// compile: user schemas may carry an `$id`, and recompiling an updated schema
// with the same `$id` on a shared instance would throw. Compiled validators
// are cached by the callers, so this cost is paid once per schema version.
//
// Custom event-type schemas are written by customers and run on the web
// process for every ingest, so their regular expressions (`pattern`,
// `patternProperties`) run on RE2 (re2js, pure JavaScript): matching time is
// linear in the input, where V8's backtracking RegExp takes seconds on
// `^(a+)+$` and a few dozen characters. RE2 has no backreferences or
// lookaround; a schema using them does not compile and is refused when saved.
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import type { RegExpEngine } from "ajv/dist/types";
import addFormats from "ajv-formats";
import { RE2JS } from "re2js";

// A custom schema's JSON may not exceed this (built-in schemas are a few KB;
// compile time grows with size) nor nest deeper than this.
export const SCHEMA_MAX_BYTES = 64 * 1024;
export const SCHEMA_MAX_DEPTH = 32;

// Ajv passes "u": RE2 always matches by code point, as the u flag does.
const re2: RegExpEngine = Object.assign(
  (pattern: string) => {
    try {
      return RE2JS.compile(pattern);
    } catch (err) {
      const reason = err instanceof Error ? err.message : "invalid";
      throw new Error(`pattern "${pattern}" is not supported (regular expressions run on RE2: no backreferences or lookaround): ${reason}`);
    }
  },
  { code: "re2js" },
);

export function compileSchema(schema: unknown): ValidateFunction {
  // strict: false — users may annotate schemas with keywords Ajv doesn't know
  // (x-*, examples…); invalid schemas still fail meta-schema validation. It also
  // keeps Ajv's strict-mode patternProperties check (which uses V8's RegExp) off.
  const ajv = new Ajv2020({ allErrors: true, strict: false, code: { regExp: re2 } });
  addFormats(ajv);
  return ajv.compile(schema as object);
}

export interface PathError {
  path: string;
  message: string;
}

/** Ajv errors as `{ path: "data.confidence", message: "must be <= 1" }`, rooted at `root`. */
export function toPathErrors(errors: ErrorObject[] | null | undefined, root = "data"): PathError[] {
  return (errors ?? []).map((e) => {
    const segments = e.instancePath.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
    if (e.keyword === "required") segments.push(String((e.params as { missingProperty: string }).missingProperty));
    return { path: [root, ...segments].join("."), message: e.message ?? "is invalid" };
  });
}

/** How deeply objects and arrays nest in a JSON value (a scalar is 0). */
function depthOf(value: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (typeof v !== "object" || v === null) continue;
    max = Math.max(max, d + 1);
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/** A customer's schema compiled once, or why it cannot be: too big, too deep, invalid. */
export function compileUserSchema(schema: unknown): { validate: ValidateFunction } | { problem: string } {
  if (typeof schema !== "boolean" && (typeof schema !== "object" || schema === null || Array.isArray(schema))) {
    return { problem: "must be a JSON Schema object" };
  }
  const bytes = Buffer.byteLength(JSON.stringify(schema));
  if (bytes > SCHEMA_MAX_BYTES) return { problem: `must be at most ${SCHEMA_MAX_BYTES} bytes of JSON (this one is ${bytes})` };
  const depth = depthOf(schema);
  if (depth > SCHEMA_MAX_DEPTH) return { problem: `may be nested at most ${SCHEMA_MAX_DEPTH} levels deep (this one is ${depth})` };
  try {
    return { validate: compileSchema(schema) };
  } catch (err) {
    return { problem: err instanceof Error ? err.message : "is not a valid JSON Schema" };
  }
}
