// The worker thread that compiles and runs customers' JSON Schemas
// (lib/catalog/schema-runner.ts sends the jobs). Validators are cached here,
// by workspace + type + updatedAt: an edited type gets a new entry, and the
// stale one ages out of this bounded map.
import { parentPort } from "node:worker_threads";
import type { ValidateFunction } from "ajv";
import { compileSchema, compileUserSchema, toPathErrors } from "./ajv";
import type { SchemaJob, SchemaJobResult } from "./schema-runner";

const cache = new Map<string, ValidateFunction>();
const CACHE_MAX = 500;

function validatorFor(key: string, schema: unknown): ValidateFunction {
  let fn = cache.get(key);
  if (!fn) {
    // Stored schemas passed the save-time checks (or predate them): compile as they are.
    fn = compileSchema(schema);
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(key, fn);
  }
  return fn;
}

function run(job: SchemaJob): SchemaJobResult {
  if (job.op === "check") {
    const compiled = compileUserSchema(job.schema);
    if ("problem" in compiled) return { problem: compiled.problem };
    const { validate } = compiled;
    const ok = job.example === null || job.example === undefined || validate(job.example);
    return { errors: ok ? [] : toPathErrors(validate.errors, "example") };
  }
  const validate = validatorFor(job.key, job.schema);
  return { results: job.items.map((data) => (validate(data) ? null : toPathErrors(validate.errors, "data"))) };
}

parentPort!.on("message", (job: SchemaJob) => {
  try {
    parentPort!.postMessage({ result: run(job) });
  } catch (err) {
    parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
});
parentPort!.postMessage({ ready: true });
