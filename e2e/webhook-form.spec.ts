// Creating a webhook with its settings through the form, with clear errors.
import { expect, test } from "@playwright/test";
import { demoApiKey } from "./support/env";
import { startWebhookReceiver } from "./support/webhook-receiver";

test("create a webhook with every kind of setting; errors are shown next to their fields", async ({ page, request }) => {
  const receiver = await startWebhookReceiver("/hooks/form");
  const headers = { authorization: `Bearer ${demoApiKey()}` };
  let createdId: string | undefined;
  try {
    await page.goto("/webhooks/new");
    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByLabel("Events", { exact: true }).fill("scan.*, takedown.status_changed");
    await page.getByLabel("Signature format").selectOption("sha256-prefixed-hex");
    await page.getByLabel("Signature header").fill("X-ContentProtection-Signature");
    await page.getByLabel("Retry schedule").selectOption("gentle-6h");
    await page.getByRole("button", { name: "Add header" }).click();
    await page.getByLabel("Header 1 name").fill("Host");
    await page.getByLabel("Header 1 value").fill("evil.example");
    await page.getByLabel("Payload filter (JSON)").fill('{"confidence": {">=": 0.8}');

    await page.getByRole("button", { name: "Create webhook" }).click();
    await expect(page.getByText(/Not valid JSON/)).toBeVisible();

    await page.getByLabel("Payload filter (JSON)").fill('{"confidence": {">=": 0.8}}');
    await page.getByLabel("Max requests in flight").fill("5000");
    await page.getByRole("button", { name: "Create webhook" }).click();
    await expect(page.getByText(/cannot be overridden/)).toBeVisible(); // the server's 422 on the Host header
    await expect(page.getByLabel("Max requests in flight")).toHaveAccessibleDescription(/expected number to be <=1000/);

    await page.getByLabel("Max requests in flight").fill("20");

    await page.getByLabel("Header 1 name").fill("X-API-Key");
    await page.getByRole("button", { name: "Create webhook" }).click();
    await expect(page.getByTestId("new-secret")).toHaveText(/^whsec_/);

    const list = (await (await request.get("/api/v1/webhooks", { headers })).json()) as { data: any[] };
    const created = list.data.find((w) => w.url === receiver.url);
    createdId = created?.id;
    expect(created.events).toEqual(["scan.*", "takedown.status_changed"]);
    expect(created.signature).toEqual({ preset: "sha256-prefixed-hex", header: "X-ContentProtection-Signature" });
    expect(created.retry.preset).toBe("gentle-6h");
    // Answers mask custom header values; the reveal route (webhooks:write) has them.
    expect(created.custom_headers).toEqual({ "X-API-Key": "***" });
    const revealed = await (await request.get(`/api/v1/webhooks/${created.id}/custom-headers`, { headers })).json();
    expect(revealed.custom_headers).toEqual({ "X-API-Key": "evil.example" });
    expect(created.filter).toEqual({ confidence: { ">=": 0.8 } });
    expect(created.max_in_flight).toBe(20);
  } finally {
    if (createdId) await request.delete(`/api/v1/webhooks/${createdId}`, { headers });
    await receiver.close();
  }
});
