// The live dashboard updates from ingested events without a reload: a scan's
// progress bar moves, an infringement appears, a takedown changes status.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { demoApiKey } from "./support/env";

test("the live dashboard follows scans, infringements and takedowns as events arrive", async ({ page, request }) => {
  const headers = { authorization: `Bearer ${demoApiKey()}` };
  const send = async (event: string, data: Record<string, unknown>) => {
    const res = await request.post("/api/v1/events", { headers, data: { event, data } });
    expect(res.status(), await res.text()).toBe(202);
  };
  const tag = randomUUID().slice(0, 8);
  const jobId = `scan_live_${tag}`;
  const takedownId = `td_live_${tag}`;
  const infringementId = Math.floor(Math.random() * 1e9);

  await page.goto("/live");
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible({ timeout: 15_000 });

  await send("scan.started", { job_id: jobId, profile_id: 42, profile_name: "E2E Profile" });
  const bar = page.getByRole("progressbar", { name: `Scan ${jobId} progress` });
  await expect(bar).toHaveAttribute("aria-valuenow", "0");

  await send("scan.progress", { job_id: jobId, profile_id: 42, progress: { completed: 75, total: 150, percentage: 50 } });
  await expect(bar).toHaveAttribute("aria-valuenow", "50");

  const url = `https://unauthorized-site.com/stolen-${tag}`;
  await send("infringement.detected", { infringement_id: infringementId, profile_id: 42, url, platform: "unauthorized-site", confidence_score: 0.95 });
  const item = page.locator(`[data-infringement="${infringementId}"]`);
  await expect(item.getByRole("link", { name: url })).toBeVisible();
  await expect(item.locator('[data-confidence="high"]')).toHaveText("95%");

  await send("takedown.submitted", { takedown_id: takedownId, infringement_id: infringementId, platform: "google", status: "pending" });
  const td = page.locator(`[data-takedown="${takedownId}"]`);
  await expect(td.locator("[data-status]")).toHaveText("pending");
  await send("takedown.status_changed", { takedown_id: takedownId, platform: "google", old_status: "pending", new_status: "completed" });
  await expect(td.locator("[data-status]")).toHaveText("completed");

  await send("scan.completed", { job_id: jobId, profile_id: 42, results: { infringements_found: 1 } });
  await expect(bar).toHaveAttribute("aria-valuenow", "100");
  await expect(page.locator(`[data-scan="${jobId}"] [data-status]`)).toHaveText("completed");

  // A fresh page starts from the recent history, not from nothing.
  await page.reload();
  await expect(page.locator(`[data-scan="${jobId}"] [data-status]`)).toHaveText("completed");
  await expect(page.locator(`[data-takedown="${takedownId}"] [data-status]`)).toHaveText("completed");
  await expect(page.locator(`[data-infringement="${infringementId}"]`)).toBeVisible();
});

test("a dropped connection shows Reconnecting…, comes back by itself and catches up on what it missed", async ({ page, request }) => {
  const headers = { authorization: `Bearer ${demoApiKey()}` };
  const jobId = `scan_gap_${randomUUID().slice(0, 8)}`;
  // Every Socket.IO WebSocket goes through here: passed to the server, or held
  // (the browser gets no answer) while `down`, and passed on once the network is back.
  let down = false;
  const live: Array<{ close: () => Promise<void> }> = [];
  const held: Array<{ connectToServer: () => unknown }> = [];
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (down) {
      held.push(ws);
      return;
    }
    ws.connectToServer();
    live.push(ws);
  });

  await page.goto("/live");
  const badge = page.locator("[data-feed-status]");
  await expect(badge).toHaveAttribute("data-feed-status", "live", { timeout: 15_000 });

  down = true;
  for (const ws of live.splice(0)) await ws.close();
  await expect(badge).toHaveAttribute("data-feed-status", "reconnecting");
  await expect(badge).toHaveText("Reconnecting…");

  // Happens while the browser is cut off.
  const res = await request.post("/api/v1/events", { headers, data: { event: "scan.started", data: { job_id: jobId, profile_id: 7, profile_name: "Gap Profile" } } });
  expect(res.status(), await res.text()).toBe(202);
  await page.waitForTimeout(1_000);
  await expect(page.locator(`[data-scan="${jobId}"]`)).toHaveCount(0);

  down = false;
  for (const ws of held.splice(0)) ws.connectToServer();
  await expect(badge).toHaveAttribute("data-feed-status", "live", { timeout: 20_000 });
  await expect(page.locator(`[data-scan="${jobId}"]`)).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole("progressbar", { name: `Scan ${jobId} progress` })).toHaveAttribute("aria-valuenow", "0");
});
