// Every screen passes axe's WCAG 2 A/AA rules, and none makes a phone-sized
// window scroll sideways (wide tables scroll inside their own box instead).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demoApiKey } from "./support/env";

const auth = () => ({ authorization: `Bearer ${demoApiKey()}` });

const SCREENS = ["/", "/live", "/feed", "/webhooks", "/webhooks/:id", "/webhooks/:id/edit", "/webhooks/new", "/deliveries", "/dead-letter", "/catalog", "/api-keys", "/members", "/api-reference"];

let webhookId = "";

test.beforeAll(async ({ request }) => {
  // A webhook with a long URL and some history, so tables and charts have rows to lay out.
  const long = `https://receiver.example.com/${"very-long-path-segment/".repeat(8)}hook?tenant=acme`;
  const res = await request.post("/api/v1/webhooks", { headers: auth(), data: { url: long, events: ["a11y.check"], description: "Accessibility check" } });
  expect(res.status(), await res.text()).toBe(201);
  webhookId = ((await res.json()) as { id: string }).id;
  await request.post("/api/v1/events", { headers: auth(), data: { event: "a11y.check", data: { note: "x".repeat(2000) } } });
});

test.afterAll(async ({ request }) => {
  if (webhookId) await request.delete(`/api/v1/webhooks/${webhookId}`, { headers: auth() });
});

async function open(page: Page, screen: string) {
  await page.goto(screen.replace(":id", webhookId));
  // Past the loading states: the page's own content is on screen.
  await expect(page.locator("main")).not.toContainText(/Loading/, { timeout: 15_000 });
}

for (const screen of SCREENS) {
  test(`${screen}: no WCAG 2 A/AA violations, no sideways scrolling on a phone`, async ({ page }) => {
    await open(page, screen);
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    const summary = violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
    expect(summary, summary.join("\n")).toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, screen);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, "page wider than a 390 px phone screen").toBeLessThanOrEqual(0);
    // The header's controls fit too (a select squeezed under the sign-out button once hid it).
    const headerRight = await page.evaluate(() => Math.max(...[...document.querySelector("header")!.querySelectorAll("*")].map((e) => e.getBoundingClientRect().right)));
    expect(headerRight, "header wider than the screen").toBeLessThanOrEqual(390);
  });
}
