// The webhooks list with health, the detail page's charts, editing through the
// catalog's events picker, toasts for what happened, and a viewer who sees no
// write controls.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { demoApiKey } from "./support/env";
import { startWebhookReceiver } from "./support/webhook-receiver";
import { invitationLink } from "./support/mailbox";

const auth = () => ({ authorization: `Bearer ${demoApiKey()}` });
const DELIVERY_TIMEOUT_MS = 20_000;
const toast = (page: Page, text: string | RegExp) => page.locator("[data-sonner-toast]").filter({ hasText: text });

test("list with health, charts after a test, edit with the events picker, toasts", async ({ page, request }) => {
  const receiver = await startWebhookReceiver("/hooks/pages");
  const created = await request.post("/api/v1/webhooks", {
    headers: auth(),
    data: { url: receiver.url, events: ["scan.completed"], description: "Charts receiver" },
  });
  expect(created.status(), await created.text()).toBe(201);
  const id = ((await created.json()) as { id: string }).id;
  try {
    // The list, reached from the main navigation: no delivery yet.
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Webhooks" }).click();
    await expect(page).toHaveURL((u) => u.pathname === "/webhooks");
    const row = page.locator(`tr[data-webhook-id="${id}"]`);
    await expect(row.locator("[data-health]")).toHaveAttribute("data-health", "no-traffic");
    await expect(page.getByRole("link", { name: "New webhook" })).toBeVisible();
    await row.getByRole("link", { name: receiver.url }).click();
    await expect(page).toHaveURL((u) => u.pathname === `/webhooks/${id}`);

    const stats = page.getByRole("region", { name: "Stats", exact: true });
    await expect(stats).toContainText("No attempts in this window yet");

    // One test send fills the charts.
    await page.getByRole("button", { name: "Send test" }).click();
    await expect(page.getByRole("region", { name: "Test result" })).toContainText("HTTP 200", { timeout: DELIVERY_TIMEOUT_MS });
    await expect(stats.locator('[data-stat="Attempts"] dd')).toHaveText("1", { timeout: DELIVERY_TIMEOUT_MS });
    const volume = stats.locator('[data-chart="volume"]');
    await expect(volume.locator(".recharts-bar-rectangle path, path.recharts-rectangle").first()).toBeVisible();
    await expect(volume.locator("figcaption")).toContainText("1 attempts: 1 succeeded, 0 failed.");
    await expect(stats.locator('[data-chart="success-rate"] figcaption')).toContainText("Lowest 100 %, highest 100 %");
    await expect(stats.locator('[data-chart="latency"] circle.recharts-line-dot').first()).toBeVisible();
    // A narrower window re-buckets the same attempt.
    const rebucketed = page.waitForResponse((r) => r.url().includes(`/api/v1/webhooks/${id}/stats?window_hours=1`) && r.ok());
    await stats.getByLabel("Window").selectOption({ label: "Last hour" });
    expect(((await (await rebucketed).json()) as { bucket_seconds: number }).bucket_seconds).toBe(60);
    await expect(volume.locator("figcaption")).toContainText("1 attempts");
    // Axis labels are times of day in the browser's locale.
    await expect(volume.getByRole("application")).toContainText(/\d:\d\d/);
    await expect(page.locator("main header [data-health]")).toHaveAttribute("data-health", "healthy");

    // Success and error toasts.
    await page.getByRole("button", { name: "Disable" }).click();
    await expect(toast(page, "Webhook disabled")).toBeVisible();
    await expect(page.locator("main header [data-status]")).toHaveText("disabled");
    await page.getByRole("button", { name: "Enable" }).click();
    await expect(toast(page, "Webhook enabled")).toBeVisible();
    page.on("dialog", (d) => void d.accept());
    await page.getByLabel("Grace period (hours)").fill("200000");
    await page.getByRole("button", { name: "Rotate secret" }).click();
    const failed = toast(page, "Could not rotate the secret");
    await expect(failed).toBeVisible();
    await expect(failed).toContainText(/grace_period_sec/);

    // Edit: the form starts from the saved settings; the picker edits the events field.
    await page.getByRole("link", { name: "Edit settings" }).click();
    await expect(page).toHaveURL((u) => u.pathname === `/webhooks/${id}/edit`);
    await expect(page.getByLabel("Endpoint URL")).toHaveValue(receiver.url);
    const events = page.getByLabel("Events", { exact: true });
    await expect(events).toHaveValue("scan.completed");
    const picker = page.getByTestId("events-picker");
    await picker.getByText("Pick from the event catalog").click();
    await expect(picker.getByLabel("scan.completed", { exact: true })).toBeChecked();
    await picker.getByLabel("All takedown events (takedown.*)").check();
    await expect(events).toHaveValue("scan.completed, takedown.*");
    // Types a wildcard covers show ticked and are changed through the wildcard.
    await expect(picker.getByLabel("takedown.submitted", { exact: true })).toBeChecked();
    await expect(picker.getByLabel("takedown.submitted", { exact: true })).toBeDisabled();
    await picker.getByLabel("All scan events (scan.*)").check();
    await expect(events).toHaveValue("takedown.*, scan.*");
    await page.getByLabel("Description").fill("Edited in the browser");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL((u) => u.pathname === `/webhooks/${id}`);
    await expect(toast(page, "Webhook saved")).toBeVisible();
    await expect(page.getByText("Edited in the browser")).toBeVisible();
    const saved = (await (await request.get(`/api/v1/webhooks/${id}`, { headers: auth() })).json()) as { events: string[]; description: string; url: string };
    expect(saved).toMatchObject({ events: ["takedown.*", "scan.*"], description: "Edited in the browser", url: receiver.url });
  } finally {
    await request.delete(`/api/v1/webhooks/${id}`, { headers: auth() });
    await receiver.close();
  }
});

test("a viewer sees webhooks but no control that would change them", async ({ page, browser }) => {
  const created = await page.request.post("/api/v1/webhooks", { data: { url: "https://example.com/viewer-e2e", events: ["*"] } });
  expect(created.status(), await created.text()).toBe(201);
  const id = ((await created.json()) as { id: string }).id;
  const workspaceId = ((await (await page.request.get("/api/v1/workspaces")).json()).data as Array<{ id: string; active: boolean }>).find((w) => w.active)!.id;

  const viewer = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const email = `viewer-${randomUUID().slice(0, 8)}@example.test`;
    const vpage = await viewer.newPage();
    const signUp = await vpage.request.post("/api/auth/sign-up/email", { data: { email, password: "a long enough passphrase", name: "Viewer" } });
    expect(signUp.status(), await signUp.text()).toBe(200);
    const invited = await page.request.post("/api/v1/members", { data: { email, role: "viewer" } });
    expect(invited.status(), await invited.text()).toBe(202);
    const token = new URL(await invitationLink(email)).pathname.split("/").pop();
    const accepted = await vpage.request.post("/api/v1/invitations/accept", { data: { token } });
    expect(accepted.status(), await accepted.text()).toBe(200);
    expect((await vpage.request.post("/api/v1/workspaces/switch", { data: { workspace_id: workspaceId } })).status()).toBe(200);

    await vpage.goto(`/webhooks/${id}`);
    await expect(vpage.getByRole("heading", { level: 1 })).toHaveText("https://example.com/viewer-e2e");
    await expect(vpage.getByRole("region", { name: "Stats", exact: true })).toBeVisible();
    for (const name of ["Send test", "Disable", "Rotate secret", "Delete webhook", "Recover"]) {
      await expect(vpage.getByRole("button", { name })).toHaveCount(0);
    }
    await expect(vpage.getByRole("link", { name: "Edit settings" })).toHaveCount(0);

    await vpage.goto("/webhooks");
    await expect(vpage.locator(`tr[data-webhook-id="${id}"]`)).toBeVisible();
    await expect(vpage.getByRole("link", { name: "New webhook" })).toHaveCount(0);
    await vpage.goto("/webhooks/new");
    await expect(vpage.getByRole("region", { name: "Read-only access" })).toContainText("viewer");
    await expect(vpage.getByLabel("Endpoint URL")).toHaveCount(0);
    await vpage.goto(`/webhooks/${id}/edit`);
    await expect(vpage.getByRole("region", { name: "Read-only access" })).toContainText("edit webhooks");

    // The other screens with write controls show none of them either.
    const writes: Array<[string, string[]]> = [
      ["/dead-letter", ["Retry all", "Retry selected"]],
      ["/api-keys", ["Create key", "Revoke"]],
      ["/members", ["Send invitation", "Revoke"]],
    ];
    for (const [path, buttons] of writes) {
      await vpage.goto(path);
      await expect(vpage.locator("main")).not.toContainText(/Loading/);
      for (const name of buttons) await expect(vpage.getByRole("button", { name })).toHaveCount(0);
    }
    await expect(vpage.getByRole("combobox", { name: /role/i })).toHaveCount(0);
    // Leaving is the one change a viewer can make.
    await vpage.goto("/members");
    await expect(vpage.getByRole("button", { name: "Leave workspace" })).toBeVisible();
  } finally {
    await viewer.close();
    await page.request.delete(`/api/v1/webhooks/${id}`);
  }
});
