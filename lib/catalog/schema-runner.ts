// Customers' JSON Schemas run on a worker thread, one job at a time, each
// stopped after SCHEMA_TIMEOUT_MS. Regexes are linear-time (lib/catalog/ajv.ts)
// and schemas are capped in size and depth, but a small schema can still make
// validating one value take exponential time (an anyOf of two $refs per level
// gives 2^levels paths), and a compile of a large one takes a while: on the
// web process either would stall every request. A thread can be stopped
// midway; the web process's event loop cannot.
import type { Worker } from "node:worker_threads";
import { join } from "node:path";
import { config } from "../config";
import type { PathError } from "./ajv";

export type SchemaJob =
  | { op: "check"; schema: unknown; example: unknown }
  | { op: "validate"; key: string; schema: unknown; items: unknown[] };
export type CheckResult = { problem: string } | { errors: PathError[] };
export type ValidateResult = { results: (PathError[] | null)[] };
export type SchemaJobResult = CheckResult | ValidateResult;

export class SchemaTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`schema evaluation took longer than ${ms} ms`);
  }
}

let current: Promise<Worker> | null = null;
let tail: Promise<unknown> = Promise.resolve();

/** The running worker, started on first use (its start is not part of any job's time). */
function worker(): Promise<Worker> {
  current ??= new Promise<Worker>((resolve, reject) => {
    // Node loads the worker from source (schema-worker.mjs registers tsx, as server.ts runs
    // under it). Reached through getBuiltinModule so that Next's bundler, which follows
    // `new Worker(path)` from worker_threads imports, does not pack tsx and esbuild into routes.
    const { Worker } = process.getBuiltinModule("node:worker_threads");
    const w = new Worker(join(process.cwd(), "lib", "catalog", "schema-worker.mjs"));
    w.unref();
    w.once("message", () => resolve(w));
    w.once("error", (err) => {
      current = null;
      reject(err);
    });
  });
  return current;
}

function stop(w: Worker) {
  current = null;
  void w.terminate();
}

async function dispatch(job: SchemaJob): Promise<SchemaJobResult> {
  const w = await worker();
  const ms = config().SCHEMA_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      w.off("message", onMessage);
      w.off("error", onError);
    };
    const onMessage = (m: { result?: SchemaJobResult; error?: string }) => {
      done();
      if (m.error !== undefined) reject(new Error(m.error));
      else resolve(m.result!);
    };
    const onError = (err: Error) => {
      done();
      stop(w);
      reject(err);
    };
    const timer = setTimeout(() => {
      done();
      stop(w);
      reject(new SchemaTimeoutError(ms));
    }, ms);
    w.on("message", onMessage);
    w.on("error", onError);
    w.postMessage(job);
  });
}

/** Runs one job after the ones before it, so each job's time is its own. */
function run(job: SchemaJob): Promise<SchemaJobResult> {
  const result = tail.then(() => dispatch(job));
  tail = result.catch(() => undefined);
  return result;
}

/** Compiles a schema a customer is saving (size, depth, RE2 patterns) and checks its example. */
export const checkSchema = (schema: unknown, example: unknown) => run({ op: "check", schema, example }) as Promise<CheckResult>;

/** Validates payloads against a stored schema; `key` names its version (the compiled one is cached). */
export const validatePayloads = (key: string, schema: unknown, items: unknown[]) =>
  run({ op: "validate", key, schema, items }) as Promise<ValidateResult>;
