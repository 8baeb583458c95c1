// A webhook's own page end to end: settings saved through the API show with
// their effective values, "Send test" makes a real request to a real receiver
// whose attempt shows in the logs, and an endpoint that answers 410 Gone is
// disabled and reported on the dashboard's Operational events panel.
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { demoApiKey } from "./support/env";
import { startWebhookReceiver, type WebhookReceiver } from "./support/webhook-receiver";

// Polling runs every 5 s; a delivery needs one worker round trip on top of that.
const DELIVERY_TIMEOUT_MS = 20_000;

const auth = () => ({ authorization: `Bearer ${demoApiKey()}` });

async function createWebhook(request: APIRequestContext, data: Record<string, unknown>): Promise<string> {
  const res = await request.post("/api/v1/webhooks", { headers: auth(), data });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

test.describe("webhook detail", () => {
  const receivers: WebhookReceiver[] = [];
  const webhookIds: string[] = [];

  test.afterEach(async ({ request }) => {
    // Leave no endpoint behind that later runs' events would fan out to.
    for (const id of webhookIds.splice(0)) await request.delete(`/api/v1/webhooks/${id}`, { headers: auth() });
    for (const r of receivers.splice(0)) await r.close();
  });

  test("shows every setting, sends a test and lists the attempt", async ({ page, request }) => {
    const receiver = await startWebhookReceiver("/hooks/detail");
    receivers.push(receiver);
    const id = await createWebhook(request, {
      url: receiver.url,
      events: ["scan.completed"],
      description: "Detail page receiver",
      signature: { preset: "sha256-prefixed-hex", header: "X-E2E-Signature" },
      retry: { preset: "gentle-6h" },
      filter: { status: ["rejected", "flagged"] },
      custom_headers: { "X-Api-Key": "e2e-key-123" },
    });
    webhookIds.push(id);

    // Reached from the dashboard's list, as a user would.
    await page.goto("/");
    await page.getByRole("region", { name: "Webhooks", exact: true }).getByRole("link", { name: receiver.url, exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === `/webhooks/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(receiver.url);
    await expect(page.getByText("Detail page receiver")).toBeVisible();

    const settings = page.getByRole("region", { name: "Settings", exact: true });
    const group = (name: string) => settings.locator(`[data-setting-group="${name}"]`);
    const setting = (groupName: string, label: string) => group(groupName).locator(`[data-setting="${label}"]`);
    await expect(setting("Signature", "Preset")).toContainText("sha256-prefixed-hex");
    await expect(setting("Signature", "Preset")).toContainText("custom");
    await expect(setting("Signature", "Signature header")).toContainText("X-E2E-Signature");
    await expect(setting("Signature", "Prefix")).toContainText("sha256=");
    await expect(setting("Signature", "Encoding")).toContainText("hex");
    await expect(setting("Retries", "Preset")).toContainText("gentle-6h");
    await expect(setting("Retries", "Schedule")).toContainText("0, 1m, 5m, 15m, 1h, 6h");
    await expect(setting("Retries", "Jitter")).toContainText("default");
    // Custom header values are the receiver's credentials: shown masked.
    await expect(setting("Custom headers", "X-Api-Key")).toContainText("***");
    await expect(setting("Custom headers", "X-Api-Key")).not.toContainText("e2e-key-123");
    await expect(setting("Payload filter", "Filter")).toContainText('"status"');
    await expect(setting("Payload filter", "Filter")).toContainText('"flagged"');
    await expect(setting("Timeout", "Per-attempt timeout")).toContainText("default");
    await expect(setting("Rate limit", "Max deliveries")).toContainText("Unlimited");
    await expect(setting("Rate limit", "Max requests in flight")).toContainText("default");
    await expect(setting("Batching", "Batching")).toContainText("Off");
    await expect(setting("Coalescing", "Coalescing")).toContainText("Off");

    await page.getByRole("button", { name: "Send test" }).click();
    const result = page.getByRole("region", { name: "Test result" });
    await expect(result).toContainText("HTTP 200", { timeout: DELIVERY_TIMEOUT_MS });
    await expect(result.getByLabel("Test response body")).toHaveText('{"received":true}');
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0].headers["x-e2e-signature"]).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(receiver.requests[0].headers["x-api-key"]).toBe("e2e-key-123");

    const attempts = page.getByRole("region", { name: "Recent attempts", exact: true });
    const row = attempts.getByRole("row").filter({ hasText: "webhook.test" });
    await expect(row).toHaveCount(1, { timeout: DELIVERY_TIMEOUT_MS });
    await expect(row).toContainText("test");
    await expect(row).toContainText("200");
    await row.getByRole("button", { name: "Details" }).click();
    const details = attempts.locator("[data-attempt-details]");
    // Exactly the bytes the receiver got, shown as text.
    await expect(details.getByLabel("Request body")).toHaveText(receiver.requests[0].body);
    await expect(details.getByLabel("Request body")).toContainText("This is a test webhook event");
    await expect(details.getByLabel("Request headers")).toContainText(/x-api-key: \*\*\*/i);
    await expect(details.getByLabel("Request headers")).not.toContainText("e2e-key-123");
    await expect(details.getByLabel("Response body")).toHaveText('{"received":true}');

    // The test attempt counts in the stats card.
    const stats = page.getByRole("region", { name: "Stats", exact: true });
    await expect(stats.locator('[data-stat="Attempts"] dd')).toHaveText("1", { timeout: DELIVERY_TIMEOUT_MS });
    await expect(stats.locator('[data-stat="Success rate"] dd')).toHaveText("100 %");

    // A chosen event type, its example payload edited before sending.
    await page.getByLabel("Test with an event type").selectOption("infringement.detected");
    const payload = page.getByLabel("Payload (data)");
    await expect(payload).toHaveValue(/confidence_score/);
    await payload.fill('{"infringement_id": 777, "confidence_score": 0.42}');
    await page.getByRole("button", { name: "Send infringement.detected" }).click();
    await expect.poll(() => receiver.requests.length, { timeout: DELIVERY_TIMEOUT_MS }).toBe(2);
    const sent = JSON.parse(receiver.requests[1].body);
    expect(sent.event).toBe("infringement.detected");
    expect(sent.data).toEqual({ infringement_id: 777, confidence_score: 0.42 });
  });

  test("a receiver answering 410 gets its endpoint disabled, shown under Operational events", async ({ page, request }) => {
    const receiver = await startWebhookReceiver("/hooks/gone", () => 410);
    receivers.push(receiver);
    const jobId = `scan_gone_${randomUUID().slice(0, 8)}`;
    // The filter keeps other runs' scan.completed events away from this endpoint.
    const id = await createWebhook(request, { url: receiver.url, events: ["scan.completed"], filter: { job_id: jobId } });
    webhookIds.push(id);

    const ingested = await request.post("/api/v1/events", { headers: auth(), data: { event: "scan.completed", data: { job_id: jobId } } });
    expect(ingested.status(), await ingested.text()).toBe(202);

    await page.goto("/");
    const panel = page.getByRole("region", { name: "Operational events", exact: true });
    const row = panel.locator('tr[data-event-type="endpoint.disabled"]').filter({ hasText: receiver.url });
    await expect(row).toHaveCount(1, { timeout: DELIVERY_TIMEOUT_MS });
    await expect(row).toContainText("410 Gone");

    // And the webhook's own page says why it is disabled.
    await row.getByRole("link", { name: receiver.url }).click();
    await expect(page).toHaveURL((url) => url.pathname === `/webhooks/${id}`);
    await expect(page.locator("main header [data-status]")).toHaveText("disabled");
    await expect(page.getByRole("region", { name: "Health", exact: true })).toContainText("410 Gone from receiver");
    await expect(page.getByRole("button", { name: "Enable" })).toBeVisible();
  });
});

test("reveal, rotate (both secrets sign during the grace period), then delete the webhook", async ({ page, request }) => {
  const headers = { authorization: `Bearer ${demoApiKey()}` };
  const created = await request.post("/api/v1/webhooks", { headers, data: { url: "https://example.com/secret-e2e", events: ["secret.e2e"] } });
  const { id, secret: original } = (await created.json()) as { id: string; secret: string };
  await page.goto(`/webhooks/${id}`);
  await page.getByRole("button", { name: "Reveal secret" }).click();
  await expect(page.getByTestId("webhook-secret")).toHaveText(original);

  page.on("dialog", (d) => void d.accept());
  await page.getByLabel("Grace period (hours)").fill("2");
  await page.getByRole("button", { name: "Rotate secret" }).click();
  const rotated = page.getByTestId("webhook-secret");
  await expect(rotated).not.toHaveText(original);
  await expect(rotated).toHaveText(/^whsec_/);
  await expect(page.getByText(/the previous secret signs too until/)).toBeVisible();

  await page.getByRole("button", { name: "Delete webhook" }).click();
  await expect(page).toHaveURL((u) => u.pathname === "/webhooks");
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Webhook deleted" })).toBeVisible();
  await expect(page.locator(`tr[data-webhook-id="${id}"]`)).toHaveCount(0);
  expect((await request.get(`/api/v1/webhooks/${id}`, { headers })).status()).toBe(404);
});

test("recover resends a webhook's failed deliveries in a time range, with progress", async ({ page, request }) => {
  const headers = { authorization: `Bearer ${demoApiKey()}` };
  let healthy = false;
  const receiver = await startWebhookReceiver("/hooks/recover", () => (healthy ? 200 : 500));
  const type = `recover.e2e_${randomUUID().slice(0, 6)}`;
  const created = await request.post("/api/v1/webhooks", { headers, data: { url: receiver.url, events: [type], retry: { preset: "custom", schedule: ["0"] } } });
  const { id } = (await created.json()) as { id: string };
  try {
    for (let i = 0; i < 2; i++) await request.post("/api/v1/events", { headers, data: { event: type, data: { i } } });
    await expect.poll(async () => ((await (await request.get(`/api/v1/dead-letter?webhook_id=${id}`, { headers })).json()) as any).data.length).toBe(2);
    healthy = true;

    await page.goto(`/webhooks/${id}`);
    const hourAgo = new Date(Date.now() - 3_600_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    const local = `${hourAgo.getFullYear()}-${pad(hourAgo.getMonth() + 1)}-${pad(hourAgo.getDate())}T${pad(hourAgo.getHours())}:${pad(hourAgo.getMinutes())}`;
    await page.getByLabel("Since").fill(local);
    await page.getByRole("button", { name: "Recover" }).click();
    await expect(page.locator('[data-recover-status="completed"]')).toContainText("2 of 2 resent", { timeout: 15_000 });
    await expect.poll(() => receiver.requests.length, { timeout: 15_000 }).toBe(4);
  } finally {
    await request.delete(`/api/v1/webhooks/${id}`, { headers });
    await receiver.close();
  }
});
