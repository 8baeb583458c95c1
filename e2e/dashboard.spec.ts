// The dashboard end to end: an event goes in through the public API, the worker
// delivers it to a real HTTP receiver, and the signed-in dashboard shows it.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEMO_EMAIL, DEMO_PASSWORD, demoApiKey } from "./support/env";
import { startWebhookReceiver, type WebhookReceiver } from "./support/webhook-receiver";

// Polling runs every 5 s; a delivery needs one worker round trip on top of that.
const DELIVERY_TIMEOUT_MS = 20_000;

test.describe("signed in", () => {
  let receiver: WebhookReceiver | undefined;
  let webhookId: string | undefined;

  test.afterEach(async ({ request }) => {
    // Leave no endpoint behind that later runs' events would fan out to (and retry against).
    if (webhookId) {
      await request.delete(`/api/v1/webhooks/${webhookId}`, { headers: { authorization: `Bearer ${demoApiKey()}` } });
      webhookId = undefined;
    }
    await receiver?.close();
    receiver = undefined;
  });

  test("shows a new webhook and its delivery reaching succeeded", async ({ page, request }) => {
    const headers = { authorization: `Bearer ${demoApiKey()}` };
    receiver = await startWebhookReceiver();

    const created = await request.post("/api/v1/webhooks", {
      headers,
      data: { url: receiver.url, events: ["scan.completed"], description: "Playwright receiver" },
    });
    expect(created.status(), await created.text()).toBe(201);
    webhookId = ((await created.json()) as { id: string }).id;

    const jobId = `scan_e2e_${randomUUID().slice(0, 8)}`;
    const ingested = await request.post("/api/v1/events", {
      headers,
      data: { event: "scan.completed", data: { job_id: jobId, profile_id: 42 } },
    });
    expect(ingested.status(), await ingested.text()).toBe(202);
    const eventId = ((await ingested.json()) as { id: string }).id;

    await page.goto("/");

    const webhooks = page.getByRole("region", { name: "Webhooks", exact: true });
    await expect(webhooks.getByText(receiver.url, { exact: true })).toBeVisible();

    // Other endpoints of the workspace may subscribe to the same event: pick our row.
    const deliveries = page.getByRole("region", { name: "Recent deliveries", exact: true });
    const row = deliveries.getByRole("row").filter({ hasText: eventId }).filter({ hasText: receiver.url });
    await expect(row).toHaveCount(1, { timeout: DELIVERY_TIMEOUT_MS });
    await expect(row).toContainText("scan.completed");
    await expect(row.getByText("succeeded", { exact: true })).toBeVisible({ timeout: DELIVERY_TIMEOUT_MS });
    // Columns: event type, event id, webhook URL, status, attempts, last HTTP status, time.
    await expect(row.getByRole("cell").nth(5)).toHaveText(/^200/);

    // And the receiver really got the signed envelope for this event.
    await expect.poll(() => receiver!.requests.length, { timeout: DELIVERY_TIMEOUT_MS }).toBeGreaterThan(0);
    const delivered = receiver.requests.find((r) => r.headers["webhook-id"] === eventId);
    expect(delivered, "the receiver should get a request with webhook-id = the event id").toBeDefined();
    expect(delivered!.method).toBe("POST");
    expect(delivered!.headers["webhook-signature"]).toMatch(/^v1,/);
    const envelope = JSON.parse(delivered!.body) as { id: string; event: string; data: { job_id: string; profile_id: number } };
    expect(envelope).toMatchObject({ id: eventId, event: "scan.completed", data: { job_id: jobId, profile_id: 42 } });
  });
});

test.describe("signed out", () => {
  test("a visitor without a session lands on the login page", async ({ browser, baseURL }) => {
    // The test runner fills browser.newContext() options from the project's `use`,
    // saved session included, unless they are given: so say "no cookies" outright.
    const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    try {
      const page = await context.newPage();
      await page.goto("/");
      await expect(page).toHaveURL((url) => url.pathname === "/login");
      await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    } finally {
      await context.close();
    }
  });

  test("a wrong password is refused with a clear message", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    try {
      const page = await context.newPage();
      await page.goto("/login");
      await page.getByLabel("Email").fill(DEMO_EMAIL);
      await page.getByLabel("Password").fill(`not-${DEMO_PASSWORD}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      // Scoped to <main>: Next's route announcer is a (empty) role="alert" element too.
      await expect(page.getByRole("main").getByRole("alert")).toHaveText("Invalid email or password.");
      await expect(page).toHaveURL((url) => url.pathname === "/login");
    } finally {
      await context.close();
    }
  });
});
