// The dead-letter queue (retry from the UI once the receiver is fixed) and the
// live event feed (pause, filter, expand).
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { demoApiKey } from "./support/env";
import { startWebhookReceiver } from "./support/webhook-receiver";

test("a failed delivery lands in the dead-letter queue and is retried from it", async ({ page, request }) => {
  const headers = { authorization: `Bearer ${demoApiKey()}` };
  let healthy = false;
  const receiver = await startWebhookReceiver("/hooks/dlq", () => (healthy ? 200 : 500));
  const type = `dlq.e2e_${randomUUID().slice(0, 6)}`;
  const hook = await request.post("/api/v1/webhooks", { headers, data: { url: receiver.url, events: [type], retry: { preset: "custom", schedule: ["0"] } } });
  expect(hook.status(), await hook.text()).toBe(201);
  const webhookId = ((await hook.json()) as { id: string }).id;
  try {
    await request.post("/api/v1/events", { headers, data: { event: type, data: { n: 1 } } });
    await page.goto("/dead-letter");
    const row = page.locator("[data-dead-letter]").filter({ hasText: type });
    await expect(row).toBeVisible({ timeout: 15_000 });
    await expect(row).toContainText("HTTP 500");

    healthy = true;
    await row.getByRole("button", { name: "Retry" }).click();
    await expect(page.getByText(/1 delivery queued for another attempt/)).toBeVisible();
    await expect(row).toHaveCount(0, { timeout: 15_000 });
    expect(receiver.requests.length).toBe(2);
  } finally {
    await request.delete(`/api/v1/webhooks/${webhookId}`, { headers });
    await receiver.close();
  }
});

test("the event feed streams events, pauses, filters and expands payloads as text", async ({ page, request }) => {
  const headers = { authorization: `Bearer ${demoApiKey()}` };
  const tag = randomUUID().slice(0, 6);
  await page.goto("/feed");
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible({ timeout: 15_000 });

  await request.post("/api/v1/events", { headers, data: { event: "scan.started", data: { job_id: `feed_${tag}`, note: "<b>not html</b>" } } });
  const first = page.locator('[data-feed-event="scan.started"]').first();
  await expect(first).toBeVisible();
  await first.getByRole("button").click();
  await expect(first.locator("pre")).toContainText(`feed_${tag}`);
  await expect(first.locator("pre")).toContainText("<b>not html</b>");

  await page.getByRole("button", { name: "Pause" }).click();
  await request.post("/api/v1/events", { headers, data: { event: "takedown.submitted", data: { takedown_id: `td_${tag}` } } });
  await expect(page.getByRole("button", { name: /Resume \(1 new\)/ })).toBeVisible();
  await expect(page.locator('[data-feed-event="takedown.submitted"]')).toHaveCount(0);
  await page.getByRole("button", { name: /Resume/ }).click();
  await expect(page.locator('[data-feed-event="takedown.submitted"]')).toHaveCount(1);

  await page.getByLabel("Filter").fill("takedown.*");
  await expect(page.locator('[data-feed-event="scan.started"]')).toHaveCount(0);
  await expect(page.locator('[data-feed-event="takedown.submitted"]')).toHaveCount(1);
});
