// The live feed over Socket.IO and the Content Protection Platform's plain WebSocket protocol, fed by
// events ingested through the public API (in another process: the web server).
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { io, type Socket } from "socket.io-client";
import WebSocket from "ws";
import { db } from "@/lib/db";
import { BASE_URL, eventually } from "../helpers/api";
import { newTenant } from "../helpers/tenant";

let t: Awaited<ReturnType<typeof newTenant>>;
let other: Awaited<ReturnType<typeof newTenant>>;
const closers: Array<() => void> = [];
before(async () => {
  t = await newTenant("Live tenant");
  other = await newTenant("Live outsider");
});
after(async () => {
  closers.forEach((c) => c());
  await db.$disconnect();
});

async function token(api = t.api) {
  const res = await api.post("/api/v1/realtime/token");
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.ok(Date.parse(res.body.expires_at) > Date.now());
  return res.body.token as string;
}

function socketClient(authToken?: string): Socket {
  const s = io(BASE_URL, { auth: authToken ? { token: authToken } : {}, transports: ["websocket"], reconnection: false });
  closers.push(() => s.close());
  return s;
}

function wsClient(query: string): Promise<{ ws: WebSocket; messages: any[] }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${BASE_URL.replace("http", "ws")}/ws${query}`);
    const messages: any[] = [];
    ws.on("message", (d) => messages.push(JSON.parse(String(d))));
    ws.once("open", () => resolve({ ws, messages }));
    ws.once("unexpected-response", (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once("error", reject);
    closers.push(() => ws.close());
  });
}

test("Socket.IO: a subscribed client receives its workspace's events, batched, with the Content Protection Platform's message shape", async () => {
  const s = socketClient(await token());
  const received: any[] = [];
  let batches = 0;
  s.on("events", (msgs: any[]) => {
    batches++;
    received.push(...msgs);
  });
  await new Promise<void>((r, j) => (s.once("connect", () => r()), s.once("connect_error", j)));
  const ack = new Promise((r) => s.once("message", r));
  s.emit("message", { action: "subscribe", events: ["scan.*"] });
  assert.deepEqual(((await ack) as any).type, "subscribed");

  for (let i = 0; i < 30; i++) await t.api.post("/api/v1/events", { event: "scan.progress", data: { job_id: "scan_live", progress: { percentage: i } } });
  await t.api.post("/api/v1/events", { event: "takedown.submitted", data: { takedown_id: "td_x" } }); // not subscribed
  await other.api.post("/api/v1/events", { event: "scan.progress", data: { job_id: "other_ws" } }); // other workspace
  await eventually(async () => received.length >= 30, 10_000, "30 live events");
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(received.length, 30);
  assert.ok(batches < 30, `30 events arrived in ${batches} batches`);
  const m = received[29];
  assert.equal(m.type, "event");
  assert.equal(m.event, "scan.progress");
  assert.ok(Date.parse(m.timestamp));
  assert.deepEqual(m.data, { job_id: "scan_live", progress: { percentage: 29 } });
  assert.ok(!received.some((x) => x.event === "takedown.submitted" || x.data.job_id === "other_ws"));
});

test("Socket.IO: connections without credentials are refused", async () => {
  const s = socketClient();
  const err = await new Promise<Error>((r) => s.once("connect_error", r));
  assert.match(err.message, /unauthorized/);
  const forged = socketClient("not.a.jwt");
  assert.match((await new Promise<Error>((r) => forged.once("connect_error", r))).message, /unauthorized/);
});

test("plain WebSocket (/ws?token=): subscribe with filters, ping/pong, unsubscribe", async () => {
  const { ws, messages } = await wsClient(`?token=${await token()}`);
  ws.send(JSON.stringify({ action: "ping" }));
  await eventually(async () => messages.some((m) => m.type === "pong"), 5000, "pong");
  ws.send(JSON.stringify({ action: "subscribe", events: ["scan.progress", "infringement.detected"], filters: { profile_id: 42 } }));
  await eventually(async () => messages.some((m) => m.type === "subscribed"), 5000, "subscribed");

  await t.api.post("/api/v1/events", { event: "infringement.detected", data: { profile_id: 42, infringement_id: 1 } });
  await t.api.post("/api/v1/events", { event: "infringement.detected", data: { profile_id: 7, infringement_id: 2 } });
  await t.api.post("/api/v1/events", { event: "scan.completed", data: { profile_id: 42 } });
  await eventually(async () => messages.some((m) => m.type === "event"), 5000, "an event");
  await new Promise((r) => setTimeout(r, 400));
  const events = messages.filter((m) => m.type === "event");
  assert.equal(events.length, 1, JSON.stringify(events));
  assert.equal(events[0].event, "infringement.detected");
  assert.equal(events[0].data.infringement_id, 1);

  ws.send(JSON.stringify({ action: "unsubscribe", events: ["infringement.detected"] }));
  await eventually(async () => messages.some((m) => m.type === "unsubscribed"), 5000, "unsubscribed");
  await t.api.post("/api/v1/events", { event: "infringement.detected", data: { profile_id: 42, infringement_id: 3 } });
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(messages.filter((m) => m.type === "event").length, 1);

  ws.send("not json");
  await eventually(async () => messages.some((m) => m.type === "error"), 5000, "an error reply");
});

test("plain WebSocket without a valid token is refused with 401", async () => {
  await assert.rejects(wsClient(""), /401/);
  await assert.rejects(wsClient("?token=forged"), /401/);
});
