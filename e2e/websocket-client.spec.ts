// The Content Protection Platform's plain WebSocket client, run in the browser as its guide writes it:
// connect to /ws?token=…, subscribe with filters, receive matching events.
import { expect, test } from "@playwright/test";
import { demoApiKey } from "./support/env";

test("a browser WebSocket client receives subscribed, filtered events", async ({ page, request }) => {
  await page.goto("/");
  const ready = await page.evaluate(async () => {
    const res = await fetch("/api/v1/realtime/token", { method: "POST" });
    const { token } = (await res.json()) as { token: string };
    const w = window as unknown as { received: any[]; ws: WebSocket };
    w.received = [];
    w.ws = new WebSocket(`${location.origin.replace("http", "ws")}/ws?token=${token}`);
    w.ws.onmessage = (e) => w.received.push(JSON.parse(e.data));
    await new Promise((r) => (w.ws.onopen = r));
    w.ws.send(JSON.stringify({ action: "subscribe", events: ["scan.progress", "infringement.detected"], filters: { profile_id: 42 } }));
    w.ws.send(JSON.stringify({ action: "ping" }));
    return true;
  });
  expect(ready).toBe(true);
  await expect.poll(() => page.evaluate(() => (window as any).received.map((m: any) => m.type))).toEqual(expect.arrayContaining(["subscribed", "pong"]));

  const headers = { authorization: `Bearer ${demoApiKey()}` };
  await request.post("/api/v1/events", { headers, data: { event: "scan.progress", data: { job_id: "ws_e2e", profile_id: 42, progress: { percentage: 50 } } } });
  await request.post("/api/v1/events", { headers, data: { event: "scan.progress", data: { job_id: "ws_e2e_other", profile_id: 7 } } });
  await request.post("/api/v1/events", { headers, data: { event: "takedown.submitted", data: { profile_id: 42 } } });
  await request.post("/api/v1/events", { headers, data: { event: "infringement.detected", data: { profile_id: 42, infringement_id: 99 } } });

  await expect
    .poll(() => page.evaluate(() => (window as any).received.filter((m: any) => m.type === "event").map((m: any) => m.event)), { timeout: 10_000 })
    .toEqual(["scan.progress", "infringement.detected"]);
  const first = await page.evaluate(() => (window as any).received.find((m: any) => m.type === "event"));
  expect(first.data).toEqual({ job_id: "ws_e2e", profile_id: 42, progress: { percentage: 50 } });
  expect(Date.parse(first.timestamp)).toBeGreaterThan(0);
});
