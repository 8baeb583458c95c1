// The request-input layer (issue 10 items 1, 3, 15): bodies are capped while they stream,
// JSON too deep, with NUL or invalid UTF-8 is refused with a 4xx naming the problem, and
// the query, the path and the headers get the same checks. Nothing a refused request
// carried is stored.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { connect } from "node:net";
import { db } from "@/lib/db";
import { BASE_URL, call, type ApiResponse } from "../helpers/api";
import { newTenant } from "../helpers/tenant";
import { signUp, ORIGIN } from "../helpers/session";

let t: Awaited<ReturnType<typeof newTenant>>;
let webhookId: string;
before(async () => {
  t = await newTenant("Request input tenant");
  const hook = await t.api.post("/api/v1/webhooks", { url: "http://127.0.0.1:9/request-input", events: ["*"] });
  assert.equal(hook.status, 201, JSON.stringify(hook.body));
  webhookId = hook.body.id;
});
after(() => db.$disconnect());

function assertError(res: ApiResponse, status: number, code?: string) {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.deepEqual(Object.keys(res.body ?? {}), ["error"], JSON.stringify(res.body));
  assert.equal(typeof res.body.error.message, "string");
  if (code) assert.equal(res.body.error.code, code);
}

const eventCount = () => db.event.count({ where: { workspaceId: t.workspaceId } });

/**
 * Streams `totalBytes` of a JSON-looking body in chunks (no Content-Length, so chunked encoding)
 * and reports how much had been sent when the answer came, and whether the server closed the connection.
 */
function chunkedPost(path: string, totalBytes: number, headers: Record<string, string>) {
  return new Promise<{ status: number; body: any; sentWhenAnswered: number; closed: boolean }>((resolve, reject) => {
    const url = new URL(path, BASE_URL);
    const req = request(url, { method: "POST", headers: { "content-type": "application/json", ...headers } });
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    let answered: { status: number; body: any; sentWhenAnswered: number } | null = null;
    const pump = () => {
      while (!answered && sent < totalBytes) {
        const first = sent === 0;
        sent += chunk.length;
        if (!req.write(first ? Buffer.concat([Buffer.from('{"email":"'), chunk]) : chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end('"}');
    };
    req.on("response", (res) => {
      answered = { status: res.statusCode!, body: null, sentWhenAnswered: sent };
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (text += c));
      res.on("end", () => {
        answered!.body = text ? JSON.parse(text) : null;
        // The server must close this connection: the rest of the body is not worth reading.
        const done = () => resolve({ ...answered!, closed: true });
        if (req.socket?.destroyed) done();
        else req.socket?.once("close", done);
      });
    });
    req.on("error", (err) => (answered ? undefined : reject(err)));
    pump();
  });
}

const TWENTY_MB = 20 * 1024 * 1024;

test("a 20 MB chunked POST to better-auth's sign-in is refused with 413 long before it is all sent", async () => {
  const res = await chunkedPost("/api/auth/sign-in/email", TWENTY_MB, { origin: ORIGIN });
  assert.equal(res.status, 413, JSON.stringify(res.body));
  assert.equal(res.body.error.code, "payload_too_large");
  assert.ok(res.sentWhenAnswered < TWENTY_MB / 2, `answered after ${res.sentWhenAnswered} bytes`);
  assert.ok(res.closed);
});

test("a 20 MB chunked POST to /api/v1/events is refused with 413 early, and nothing is stored", async () => {
  const before = await eventCount();
  const res = await chunkedPost("/api/v1/events", TWENTY_MB, { authorization: `Bearer ${t.key}` });
  assert.equal(res.status, 413, JSON.stringify(res.body));
  assert.equal(res.body.error.code, "payload_too_large");
  assert.ok(res.sentWhenAnswered < TWENTY_MB / 2, `answered after ${res.sentWhenAnswered} bytes`);
  assert.equal(await eventCount(), before);
});

test("a declared Content-Length over the cap is refused before any byte of the body is read", async () => {
  const res = await new Promise<number>((resolve, reject) => {
    const req = request(new URL("/api/v1/events", BASE_URL), {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(TWENTY_MB), authorization: `Bearer ${t.key}` },
    });
    req.on("response", (r) => (r.resume(), resolve(r.statusCode!)));
    req.on("error", reject);
    req.write("{");
  });
  assert.equal(res, 413);
});

test("the cap holds on routes that read bodies their own way: the demo receiver, better-auth, pages", async () => {
  for (const path of ["/api/demo/receiver", "/api/auth/sign-up/email", "/login"]) {
    const res = await fetch(BASE_URL + path, { method: "POST", headers: { "content-type": "application/json", origin: ORIGIN }, body: "x".repeat(2 * 1024 * 1024) });
    assert.equal(res.status, 413, path);
    assert.equal((await res.json()).error.code, "payload_too_large");
  }
});

test("JSON nested 20,000 deep is a 4xx, not a 500", async () => {
  const deep = "[".repeat(20_000) + "]".repeat(20_000);
  const before = await eventCount();
  for (const raw of [`{"event":"scan.completed","data":{"x":${deep}}}`, deep]) {
    const res = await call("POST", "/api/v1/events", { key: t.key, raw, headers: { "content-type": "application/json" } });
    assert.ok(res.status >= 400 && res.status < 500, `${res.status} ${JSON.stringify(res.body)}`);
    assertError(res, res.status);
  }
  assert.equal(await eventCount(), before);
});

test("NUL anywhere in the JSON (values, keys, descriptions) is a 422 naming the field", async () => {
  const before = await eventCount();
  const res = await t.api.post("/api/v1/events", { event: "scan.completed", data: { job: { name: "a\u0000b" } } });
  assertError(res, 422, "validation_failed");
  assert.equal(res.body.error.details[0].path, "data.job.name");
  const key = await t.api.post("/api/v1/events", { event: "scan.completed", data: { ["k\u0000"]: 1 } });
  assertError(key, 422, "validation_failed");
  const desc = await t.api.post("/api/v1/event-types", { name: "nul.test", description: "x\u0000" });
  assertError(desc, 422, "validation_failed");
  assert.equal(desc.body.error.details[0].path, "description");
  assert.equal(await eventCount(), before);
});

test("a lone surrogate in the JSON is a 422, invalid UTF-8 bytes a 400", async () => {
  const lone = await call("POST", "/api/v1/events", { key: t.key, raw: '{"event":"scan.completed","data":{"s":"\\ud800"}}', headers: { "content-type": "application/json" } });
  assertError(lone, 422, "validation_failed");
  const bytes = Buffer.concat([Buffer.from('{"event":"scan.completed","data":{"s":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}}')]);
  const res = await fetch(BASE_URL + "/api/v1/events", { method: "POST", headers: { authorization: `Bearer ${t.key}`, "content-type": "application/json" }, body: bytes });
  const body = await res.json();
  assertError({ status: res.status, body, headers: res.headers }, 400, "bad_request");
  assert.match(body.error.message, /UTF-8/);
});

test("NUL in the query string or in a path id is a 4xx, not a 500", async () => {
  for (const path of ["/api/v1/events?cursor=%00", "/api/v1/deliveries?cursor=a%00b", `/api/v1/webhooks/${webhookId}/logs?cursor=%00`, "/api/v1/webhooks/wh_%00x", "/api/v1/events/evt_%00"]) {
    const res = await t.api.get(path);
    assert.ok(res.status >= 400 && res.status < 500, `${path}: ${res.status} ${JSON.stringify(res.body)}`);
    assertError(res, res.status);
  }
});

test("an Idempotency-Key with control characters is a 422", async () => {
  const before = await eventCount();
  const res = await call("POST", "/api/v1/events", { key: t.key, body: { event: "scan.completed", data: {} }, headers: { "idempotency-key": "abc\tdef" } });
  assertError(res, 422, "validation_failed");
  assert.equal(await eventCount(), before);
});

test("a bad logs cursor is a 422", async () => {
  for (const cursor of ["garbage", "not-a-date|att_1", "2026-01-01T00:00:00.000Z|", "|att_1"]) {
    const res = await t.api.get(`/api/v1/webhooks/${webhookId}/logs?cursor=${encodeURIComponent(cursor)}`);
    assertError(res, 422, "validation_failed");
  }
});

test("recover with dates PostgreSQL cannot hold is a 422, and no job is stored", async () => {
  const jobs = () => db.recoverJob.count({ where: { workspaceId: t.workspaceId } });
  const before = await jobs();
  for (const since of ["+275760-09-13T00:00:00.000Z", "99999-01-01T00:00:00Z", "-271821-04-20T00:00:00.000Z", "+010000-01-01T00:00:00Z"]) {
    const res = await t.api.post(`/api/v1/webhooks/${webhookId}/recover`, { since });
    assertError(res, 422, "validation_failed");
  }
  const until = await t.api.post(`/api/v1/webhooks/${webhookId}/recover`, { since: "2026-01-01T00:00:00Z", until: "+275760-09-13T00:00:00.000Z" });
  assertError(until, 422, "validation_failed");
  assert.equal(await jobs(), before);
});

test("a malformed hr_ws cookie is ignored: the session's calls keep working", async () => {
  const user = await signUp();
  const session = [...user.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  for (const bad of ["%E0%A4%A", "%00", "%", "a".repeat(5000)]) {
    const res = await call("GET", "/api/v1/webhooks", { headers: { cookie: `${session}; hr_ws=${bad}` } });
    assert.equal(res.status, 200, `hr_ws=${bad.slice(0, 20)}: ${res.status} ${JSON.stringify(res.body)}`);
  }
});

test("a header Node's parser rejects (NUL, other control characters) is a 400 in the error envelope", async () => {
  const url = new URL(BASE_URL);
  for (const header of ["X-Note: a\u0000b", "Idempotency-Key: a\u0001b"]) {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => socket.write(`GET /api/health HTTP/1.1\r\nHost: ${url.host}\r\n${header}\r\n\r\n`));
      let text = "";
      socket.setEncoding("utf8");
      socket.on("data", (c) => (text += c));
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
    });
    assert.match(raw, /^HTTP\/1\.1 400 /, raw);
    const body = JSON.parse(raw.slice(raw.indexOf("\r\n\r\n") + 4));
    assert.equal(body.error.code, "bad_request");
  }
});
