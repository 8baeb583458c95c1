#!/usr/bin/env node
// Takes the README's screenshots from a running instance (`npm start` first):
//   node scripts/screenshots.mjs [base-url]
// Signs in as the demo user in Debian's Chromium and saves docs/screenshots/*.png.
import { chromium } from "@playwright/test";
import { mkdirSync } from "node:fs";

const base = process.argv[2] ?? "http://localhost:3000";
const out = new URL("../docs/screenshots/", import.meta.url).pathname;
// ":webhook" is the first webhook of the demo workspace (the demo receiver's).
const pages = [
  ["dashboard", "/"],
  ["live", "/live"],
  ["event-feed", "/feed"],
  ["webhooks", "/webhooks"],
  ["webhook-detail", "/webhooks/:webhook"],
  ["edit-webhook", "/webhooks/:webhook/edit"],
  ["new-webhook", "/webhooks/new"],
  ["deliveries", "/deliveries"],
  ["dead-letter", "/dead-letter"],
  ["catalog", "/catalog"],
  ["api-reference", "/api-reference"],
  // More as name=/path pairs, comma separated.
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
const webhooks = await (await page.request.get(`${base}/api/v1/webhooks`)).json();
const webhookId = webhooks.data?.[0]?.id;
for (const [name, path] of pages) {
  if (path.includes(":webhook") && !webhookId) {
    console.log(`skipped ${name}: the workspace has no webhook`);
    continue;
  }
  await page.goto(base + path.replace(":webhook", webhookId));
  await page.waitForTimeout(3000); // let the live feed and polling fill the page
  await page.screenshot({ path: `${out}${name}.png`, fullPage: false });
  console.log(`docs/screenshots/${name}.png`);
}
await browser.close();
