// Everything the browser tests take from the environment, in one place. The
// test script seeds the demo workspace with these same values.
import path from "node:path";

export const DEMO_EMAIL = process.env.DEMO_EMAIL ?? "demo@hookrelay.dev";
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? "demo-password";

/** Where the setup project leaves the signed-in session for the other projects. */
export const DEMO_STORAGE_STATE = path.join(__dirname, "..", ".auth", "demo.json");

/** The seeded workspace's API key: without it no test data can be created, so fail loudly. */
export function demoApiKey(): string {
  const key = process.env.DEMO_API_KEY;
  if (!key) throw new Error("DEMO_API_KEY is not set: the e2e tests need the seeded demo workspace's API key (npm test sets it).");
  return key;
}
