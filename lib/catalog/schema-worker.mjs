// Entry of the schema worker thread (lib/catalog/schema-runner.ts). Node 20
// does not carry the parent's `--import tsx` loader into worker threads, so
// the thread registers it before loading the TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./schema-worker.ts");
