// The event catalog shows every compatible platform's types with their example payloads.
import { expect, test } from "@playwright/test";

test("the catalog lists the compatible platforms' event types with schema and example", async ({ page }) => {
  await page.goto("/catalog");
  for (const name of ["scan.completed", "post.published", "deepfake.completed", "media.moderated", "download.progress", "delivery.exhausted"]) {
    await expect(page.locator(`[data-event-type="${name}"]`)).toBeVisible();
  }
  await page.getByLabel("Search event types").fill("takedown");
  await expect(page.locator("[data-event-type]")).toHaveCount(2);
  const item = page.locator('[data-event-type="takedown.status_changed"]');
  await item.locator("summary").click();
  await expect(item.getByLabel("takedown.status_changed example")).toContainText("new_status");
});
