// API keys from the dashboard: create (shown once), it works, revoke, it stops working.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";

test("create an API key, use it, revoke it", async ({ page, request }) => {
  const name = `e2e key ${randomUUID().slice(0, 6)}`;
  await page.goto("/api-keys");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("webhooks:write").uncheck();
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())!;
  expect(key).toMatch(/^hr_/);

  const auth = { authorization: `Bearer ${key}` };
  expect((await request.get("/api/v1/webhooks", { headers: auth })).status()).toBe(200);
  expect((await request.post("/api/v1/webhooks", { headers: auth, data: { url: "https://example.com/x", events: ["*"] } })).status()).toBe(403);

  const row = page.locator("[data-api-key]").filter({ hasText: name });
  await expect(row).toContainText(key.slice(0, 10));
  await expect(row).not.toContainText(key.slice(10, 30));
  page.once("dialog", (d) => void d.accept());
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("revoked"); // optimistic: shown before the server confirms
  await expect.poll(async () => (await request.get("/api/v1/webhooks", { headers: auth })).status()).toBe(401);
});
