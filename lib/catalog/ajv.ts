// One way to compile JSON Schemas (draft 2020-12 + formats). A fresh Ajv per
// compile: user schemas may carry an `$id`, and recompiling an updated schema
// with the same `$id` on a shared instance would throw. Compiled validators
// are cached by the callers, so this cost is paid once per schema version.
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";

export function compileSchema(schema: unknown): ValidateFunction {
  // strict: false — users may annotate schemas with keywords Ajv doesn't know
  // (x-*, examples…); invalid schemas still fail meta-schema validation.
  const ajv = new Ajv2020({ allErrors: true, strict: false });
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

/** Why a schema does not compile, or null when it does. */
export function schemaProblem(schema: unknown): string | null {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) {
    if (typeof schema !== "boolean") return "must be a JSON Schema object";
  }
  try {
    compileSchema(schema);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : "is not a valid JSON Schema";
  }
}
