// A bounded fuzz over every operation of the OpenAPI document (GET /api/v1/openapi.json):
// malformed JSON, wrong types, huge and deep values, NUL, invalid UTF-8, control characters,
// odd content types, bad ids and cursors. Whatever comes in: never a 5xx, every 4xx in the
// error envelope, and a refused request stores nothing (the workspace's row counts stay put).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { BASE_URL } from "../helpers/api";
import { newTenant } from "../helpers/tenant";
import { startReceiver, type Receiver } from "../helpers/receiver";

type Json = Record<string, any>;
const GROUP = 20;
interface Operation {
  method: string;
  path: string;
  params: { name: string; in: string }[];
  body?: Json;
}
interface Probe {
  what: string;
  path: string;
  body?: Uint8Array | string;
  contentType?: string;
  headers?: Record<string, string>;
}

let t: Awaited<ReturnType<typeof newTenant>>;
let doc: Json;
let receiver: Receiver;
const realIds: Record<string, string> = {};

before(async () => {
  t = await newTenant("Fuzz tenant");
  // A receiver that takes everything: a failing endpoint would make the worker write rows
  // (retries, an auto-disable notice) in the middle of the count comparisons.
  receiver = await startReceiver();
  doc = await (await fetch(`${BASE_URL}/api/v1/openapi.json`)).json();
  const hook = await t.api.post("/api/v1/webhooks", { url: receiver.url, events: ["*"] });
  assert.equal(hook.status, 201, JSON.stringify(hook.body));
  realIds.webhooks = hook.body.id;
  const event = await t.api.post("/api/v1/events", { event: "scan.completed", data: { job_id: "fuzz" } });
  assert.equal(event.status, 202, JSON.stringify(event.body));
  realIds.events = event.body.id;
});
after(async () => {
  await receiver.close();
  await db.$disconnect();
});

/** Every row a request could leave behind in this workspace. */
async function rowCounts() {
  const where = { workspaceId: t.workspaceId };
  const [endpoints, events, deliveries, attempts, eventTypes, recoverJobs, apiKeys, members, workspaces] = await Promise.all([
    db.endpoint.count({ where }),
    db.event.count({ where }),
    db.delivery.count({ where }),
    db.attempt.count({ where }),
    db.eventType.count({ where }),
    db.recoverJob.count({ where }),
    db.apiKey.count({ where }),
    db.membership.count({ where }),
    db.workspace.count(),
  ]);
  return { endpoints, events, deliveries, attempts, eventTypes, recoverJobs, apiKeys, members, workspaces };
}

/** Counts once the worker is done with what earlier accepted requests started (attempts, retries). */
async function settledCounts() {
  let last = JSON.stringify(await rowCounts());
  for (let i = 0; i < 30; i++) {
    await new Promise((r) => setTimeout(r, 300));
    const now = JSON.stringify(await rowCounts());
    if (now === last) return now;
    last = now;
  }
  return last;
}

function operations(): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Json)) {
    for (const [method, op] of Object.entries(item as Json)) {
      ops.push({ method: method.toUpperCase(), path, params: op.parameters ?? [], body: op.requestBody?.content?.["application/json"]?.schema });
    }
  }
  return ops;
}

const BAD_IDS = ["%00", "wh_%00x", "a%01b", "x".repeat(600), "%E0%A4%A", "%FF%FE", "..%2F..%2Fapi-keys", "'%20OR%201=1--", "%F0%9F%92%A9", "-1", "%0D%0Aset-cookie:x=1"];
const BAD_QUERY_VALUES = ["%00", "a%01b", "%E0%A4%A", "%ED%A0%80", "-1", "1e999", "[]", "+275760-09-13T00:00:00.000Z", "x".repeat(5000), "2026-01-01T00:00:00.000Z|%00"];
const DEEP = "[".repeat(20_000) + "]".repeat(20_000);
const WRONG_VALUES: unknown[] = [null, 12345, -1, 1e308, true, [], {}, "", "\u0000", "a\u0000b", "\u0001\u001f\u007f", "\ud800", "x".repeat(64 * 1024), JSON.parse("[".repeat(70) + "]".repeat(70)), JSON.parse('{"__proto__":{"admin":true}}'), { constructor: { prototype: { x: 1 } } }];

/** A body the schema would take, as far as cheaply known: the required properties with plausible values. */
function plausible(schema: Json | undefined): Json {
  const out: Json = {};
  for (const name of schema?.required ?? []) {
    const p = schema!.properties?.[name] ?? {};
    out[name] = p.type === "array" ? [] : p.type === "object" ? {} : p.type === "integer" || p.type === "number" ? 1 : p.type === "boolean" ? true : "x";
  }
  return out;
}

function probes(op: Operation): Probe[] {
  const idParams = op.params.filter((p) => p.in === "path").map((p) => p.name);
  const resource = op.path.split("/")[3];
  // Real ids where we have one, so the body and query reach the route's own parsing; never on
  // a DELETE (that would remove what the rest of the fuzz needs).
  const realPath = op.path.replace(/\{(\w+)\}/g, () => (op.method !== "DELETE" && realIds[resource]) || "x_missing");
  const list: Probe[] = [];
  for (const id of idParams.length ? BAD_IDS : []) list.push({ what: `bad id ${id.slice(0, 20)}`, path: op.path.replace(/\{(\w+)\}/g, id) });
  const queryNames = [...op.params.filter((p) => p.in === "query").map((p) => p.name), "cursor", "q", "%00"];
  for (const name of queryNames) for (const v of BAD_QUERY_VALUES) list.push({ what: `query ${name}=${v.slice(0, 20)}`, path: `${realPath}?${name}=${v}` });
  if (op.method === "GET" || op.method === "DELETE") return list;

  const json = (what: string, body: string | Uint8Array, contentType = "application/json") => list.push({ what, path: realPath, body, contentType });
  const base = plausible(op.body);
  for (const raw of ["", "{", "[", "nul", '{"a":1,}', "{'a':1}", "\u0000", '"\\u0000"', "1e999999", DEEP, `{"a":${DEEP}}`, '{"a":"\\ud800"}', '{"__proto__":{"x":1}}']) json(`raw ${raw.slice(0, 20)}`, raw);
  json("invalid UTF-8", Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('"}')]));
  json("UTF-16 body", Buffer.from(JSON.stringify(base), "utf16le"), "application/json; charset=utf-16");
  json("2 MB body (over the server's cap)", `{"a":"${"x".repeat(2 * 1024 * 1024)}"}`);
  for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "", "application/json; charset=latin1", "APPLICATION/JSON", "application/jsonx"]) {
    list.push({ what: `content-type ${JSON.stringify(type)}`, path: realPath, body: JSON.stringify(base), contentType: type });
  }
  const props = Object.keys(op.body?.properties ?? {}).slice(0, 8);
  for (const name of props.length ? props : ["x"]) {
    for (const value of WRONG_VALUES) json(`${name}=${JSON.stringify(value)?.slice(0, 20)}`, JSON.stringify({ ...base, [name]: value }));
  }
  json("NUL key", JSON.stringify({ ...base, "k\u0000": 1 }));
  json("control characters everywhere", JSON.stringify(Object.fromEntries(Object.keys(base).map((k) => [k, "\u0007\u001b[31m\r\n"]))));
  list.push({ what: "Idempotency-Key with a tab", path: realPath, body: JSON.stringify(base), contentType: "application/json", headers: { "idempotency-key": "a\tb" } });
  return list;
}

async function send(op: Operation, p: Probe) {
  const headers: Record<string, string> = { authorization: `Bearer ${t.key}`, ...p.headers };
  if (p.contentType !== undefined) headers["content-type"] = p.contentType;
  let res: Response;
  try {
    res = await fetch(BASE_URL + p.path, { method: op.method, headers, body: p.body as BodyInit | undefined, redirect: "manual" });
  } catch (err) {
    return { status: 0, text: `no answer: ${(err as Error).cause ?? err}`, contentType: "" };
  }
  const text = await res.text();
  return { status: res.status, text, contentType: res.headers.get("content-type") ?? "" };
}

function envelopeProblem(res: { status: number; text: string; contentType: string }): string | null {
  if (!/application\/json/.test(res.contentType)) return `content-type ${res.contentType}`;
  let body: any;
  try {
    body = JSON.parse(res.text);
  } catch {
    return "body is not JSON";
  }
  if (!body || Object.keys(body).join() !== "error") return `not the envelope: ${res.text.slice(0, 120)}`;
  const keys = Object.keys(body.error);
  if (typeof body.error.code !== "string" || typeof body.error.message !== "string" || !keys.every((k) => ["code", "message", "details"].includes(k))) {
    return `not the envelope: ${res.text.slice(0, 120)}`;
  }
  return null;
}

test("every operation of the OpenAPI document survives hostile input: no 5xx, the error envelope, nothing stored", { timeout: 120_000 }, async () => {
  const ops = operations();
  assert.ok(ops.length >= 30, `the document lists ${ops.length} operations`);
  const problems: string[] = [];
  let sent = 0;
  const started = Date.now();
  let counts = await settledCounts();
  for (const op of ops) {
    const all = probes(op);
    // In groups, so that one accepted probe (which may store) only spares its own group the count check.
    for (let i = 0; i < all.length; i += GROUP) {
      let accepted = false;
      for (const p of all.slice(i, i + GROUP)) {
        const res = await send(op, p);
        sent++;
        const where = `${op.method} ${op.path} [${p.what}] → ${res.status}`;
        if (res.status >= 500 || res.status === 0) problems.push(`${where}: ${res.text.slice(0, 160)}`);
        else if (res.status >= 400) {
          const problem = envelopeProblem(res);
          if (problem) problems.push(`${where}: ${problem}`);
        } else accepted = true;
      }
      // A GET stores nothing to count (and waiting for the worker after each would double the run time).
      if (op.method === "GET") continue;
      if (accepted) counts = await settledCounts();
      else {
        const after = JSON.stringify(await rowCounts());
        if (after !== counts) problems.push(`${op.method} ${op.path} (probes ${i}–${i + GROUP}): refused requests stored rows ${counts} → ${after}`);
        counts = after;
      }
    }
  }
  const took = `${sent} requests in ${Math.round((Date.now() - started) / 1000)} s`;
  console.log(`fuzz: ${took}`);
  assert.deepEqual(problems, [], `${problems.length} problems in ${took}`);
  assert.ok(sent > 1000, took);
});
