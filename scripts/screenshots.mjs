#!/usr/bin/env node
// Takes the README's screenshots from a running instance (`npm start` first):
//   node scripts/screenshots.mjs [base-url]
// Signs in as the demo user in Debian's Chromium and saves docs/screenshots/*.png.
import { chromium } from "@playwright/test";
import { mkdirSync } from "node:fs";

const base = process.argv[2] ?? "http://localhost:3000";
const out = new URL("../docs/screenshots/", import.meta.url).pathname;
const pages = [
  ["dashboard", "/"],
  ["live", "/live"],
  ["event-feed", "/feed"],
  ["dead-letter", "/dead-letter"],
  ["new-webhook", "/webhooks/new"],
  ...(process.env.EXTRA_PAGES ?? "").split(",").filter(Boolean).map((p) => p.split("=")),
];

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto(`${base}/login`);
await page.getByLabel("Email").fill(process.env.DEMO_EMAIL ?? "demo@hookrelay.dev");
await page.getByLabel("Password").fill(process.env.DEMO_PASSWORD ?? "demo-password");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL(`${base}/`);
for (const [name, path] of pages) {
  await page.goto(base + path);
  await page.waitForTimeout(3000); // let the live feed and polling fill the page
  await page.screenshot({ path: `${out}${name}.png`, fullPage: false });
  console.log(`docs/screenshots/${name}.png`);
}
await browser.close();
