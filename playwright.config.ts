// Browser tests against an already running app: the test script starts the web
// server and the worker, then runs Playwright with E2E_BASE_URL set.
import { defineConfig, devices } from "@playwright/test";
import { DEMO_STORAGE_STATE } from "./e2e/support/env";

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // The specs share one demo workspace; running them one at a time keeps what each sees predictable.
  workers: 1,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL: process.env.E2E_BASE_URL ?? "http://localhost:3100",
    trace: "on-first-retry",
    // Playwright can't download its own browser on these machines; Debian's Chromium is driven instead.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts$/ },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], storageState: DEMO_STORAGE_STATE },
      dependencies: ["setup"],
    },
  ],
});
