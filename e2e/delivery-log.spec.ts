// The delivery log: a failing receiver's retries land in the log with every
// attempt's request and response; replay adds a manual attempt.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { demoApiKey } from "./support/env";
import { startWebhookReceiver } from "./support/webhook-receiver";

test("retries show in the delivery log, attempts can be inspected, replay adds one", async ({ page, request }) => {
  const headers = { authorization: `Bearer ${demoApiKey()}` };
  let calls = 0;
  const receiver = await startWebhookReceiver("/hooks/log", () => (++calls <= 2 ? 500 : 200));
  const type = `log.e2e_${randomUUID().slice(0, 6)}`;
  const hook = await request.post("/api/v1/webhooks", { headers, data: { url: receiver.url, events: [type] } });
  const webhookId = ((await hook.json()) as { id: string }).id;
  try {
    const ev = await request.post("/api/v1/events", { headers, data: { event: type, data: { n: 1 } } });
    const eventId = ((await ev.json()) as { id: string }).id;

    await page.goto("/deliveries");
    await page.getByLabel("Event type").fill(type);
    const row = page.locator("[data-delivery-row]").first();
    await expect(row.locator("[data-status]")).toHaveText("succeeded", { timeout: 15_000 });
    await row.click();
    await expect(page.locator("[data-attempt]")).toHaveCount(3);
    await expect(page.locator('[data-attempt="1"]')).toContainText("500");
    await expect(page.locator('[data-attempt="3"]')).toContainText("200");
    await expect(page.locator('[data-attempt="1"]').getByLabel("Request body")).toContainText(eventId);

    await page.getByRole("button", { name: "Replay" }).click();
    await expect(page.locator('[data-attempt="4"]')).toContainText("manual", { timeout: 15_000 });
    expect(receiver.requests.length).toBe(4);
  } finally {
    await request.delete(`/api/v1/webhooks/${webhookId}`, { headers });
    await receiver.close();
  }
});

test("a 200 KB payload with HTML in it shows as text in the inspector, and a phone screen does not scroll sideways", async ({ page, request }) => {
  const headers = { authorization: `Bearer ${demoApiKey()}` };
  const receiver = await startWebhookReceiver("/hooks/large");
  const type = `log.large_${randomUUID().slice(0, 6)}`;
  const hook = await request.post("/api/v1/webhooks", { headers, data: { url: receiver.url, events: [type] } });
  const webhookId = ((await hook.json()) as { id: string }).id;
  try {
    // One unbroken 200 KB token (nothing to wrap at) and markup that must not become elements.
    const blob = "A".repeat(200 * 1024);
    const markup = '<img id="injected" src="x"><b>bold?</b>';
    const ev = await request.post("/api/v1/events", { headers, data: { event: type, data: { blob, markup } } });
    expect(ev.status()).toBe(202);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/deliveries");
    await page.getByLabel("Event type").fill(type);
    const row = page.locator("[data-delivery-row]").first();
    await expect(row.locator("[data-status]")).toHaveText("succeeded", { timeout: 15_000 });
    await row.click();
    const body = page.locator('[data-attempt="1"]').getByLabel("Request body");
    await expect(body).toContainText('<img id=\\"injected\\" src=\\"x\\"><b>bold?</b>');
    expect((await body.textContent())!.length).toBeGreaterThan(200 * 1024);
    await expect(page.locator("#injected")).toHaveCount(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, "page wider than a 390 px phone screen").toBeLessThanOrEqual(0);
  } finally {
    await request.delete(`/api/v1/webhooks/${webhookId}`, { headers });
    await receiver.close();
  }
});
