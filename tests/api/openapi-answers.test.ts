// The OpenAPI document against the API's real answers: every operation is called for real
// (its fixtures made through the API itself) and its status and JSON body are checked
// against the document's response schema with a JSON Schema 2020-12 validator; then every
// authenticated operation gets refused, and that answer must be a documented status in the
// error shape. An operation this file does not call fails the suite.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { db } from "@/lib/db";
import { call, eventually, type ApiResponse } from "../helpers/api";
import { ORIGIN, signUp, type SessionUser } from "../helpers/session";
import { startReceiver, type Receiver } from "../helpers/receiver";
import { startInbox, type Inbox } from "../helpers/smtp-inbox";

type Json = Record<string, any>;
let doc: Json;
let ajv: Ajv2020;
let receiver: Receiver;
let inbox: Inbox;
let owner: SessionUser;
let ownerWorkspace: string;

before(async () => {
  doc = (await call("GET", "/api/v1/openapi.json")).body;
  // Not strict: the document holds OpenAPI keywords (paths, responses) around its schemas.
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, "openapi.json");
  receiver = await startReceiver();
  inbox = await startInbox();
  owner = await signUp();
  ownerWorkspace = (await owner.req("GET", "/api/v1/workspaces")).body.data[0].id;
});
after(async () => {
  await receiver.close();
  await inbox.close();
  await db.$disconnect();
});

const operations = () => Object.entries(doc.paths as Json).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/** The document's schema at `ref` (a JSON pointer into it) applied to `value`: the validator's errors, or []. */
function problems(ref: string, value: unknown): string[] {
  const validate = ajv.getSchema(`openapi.json#/${ref}`) ?? ajv.compile({ $ref: `openapi.json#/${ref}` });
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "(body)"} ${e.message} ${JSON.stringify(e.params)}`);
}

const answered = new Set<string>();
/** `res` is the documented success of `method path`: its status, and a body its schema takes. */
function documented(method: string, path: string, res: ApiResponse) {
  const op = doc.paths[path]?.[method.toLowerCase()];
  assert.ok(op, `${method} ${path} is in the document`);
  const success = Object.keys(op.responses).find((s) => s.startsWith("2"))!;
  assert.equal(res.status, Number(success), `${method} ${path}: ${JSON.stringify(res.body)}`);
  if (op.responses[success].content) {
    const found = problems(pointer("paths", path, method.toLowerCase(), "responses", success, "content", "application/json", "schema"), res.body);
    assert.deepEqual(found, [], `${method} ${path} answered ${JSON.stringify(res.body).slice(0, 400)}`);
  } else assert.equal(res.body, null, `${method} ${path} answers no body`);
  answered.add(`${method} ${path}`);
  return res.body;
}

const fill = (path: string, values: Record<string, string>) => path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name]));

/** The owner's session calls `method path` (ids filled in) and the answer must be the documented one. */
async function as(user: SessionUser, method: string, path: string, ids: Record<string, string> = {}, body?: unknown) {
  return documented(method, path, await user.req(method, fill(path, ids), body));
}
const ask = (method: string, path: string, ids: Record<string, string> = {}, body?: unknown) => as(owner, method, path, ids, body);

async function invitationToken(email: string): Promise<string> {
  const mail = await inbox.waitFor((m) => m.to.includes(email) && /invit/i.test(m.subject));
  inbox.mails.splice(inbox.mails.indexOf(mail), 1);
  return new RegExp(`${ORIGIN}/invitations/([A-Za-z0-9_-]{20,})`).exec(mail.text)![1];
}

test("every operation's real answer is the one the document describes", { timeout: 120_000 }, async () => {
  await ask("GET", "/api/v1/openapi.json");

  // Webhooks and their tools.
  const hook = await ask("POST", "/api/v1/webhooks", {}, { url: receiver.url, events: ["*"], custom_headers: { "x-token": "t0ken" } });
  const id = hook.id;
  await ask("GET", "/api/v1/webhooks");
  await ask("GET", "/api/v1/webhooks/{id}", { id });
  await ask("PUT", "/api/v1/webhooks/{id}", { id }, { events: ["*"] });
  await ask("PATCH", "/api/v1/webhooks/{id}", { id }, { description: "answers" });
  await ask("POST", "/api/v1/webhooks/{id}/disable", { id });
  await ask("POST", "/api/v1/webhooks/{id}/enable", { id });
  await ask("GET", "/api/v1/webhooks/{id}/secret", { id });
  await ask("GET", "/api/v1/webhooks/{id}/custom-headers", { id });
  await ask("POST", "/api/v1/webhooks/{id}/secret/rotate", { id });
  const sent = await ask("POST", "/api/v1/webhooks/{id}/test", { id });
  assert.equal(sent.success, true, "the test send reached the receiver");
  await ask("GET", "/api/v1/webhooks/{id}/logs", { id });
  await ask("GET", "/api/v1/webhooks/{id}/stats", { id });
  const doomed = await ask("POST", "/api/v1/webhooks", {}, { url: receiver.url, events: ["nothing.here"] });
  await ask("DELETE", "/api/v1/webhooks/{id}", { id: doomed.id });

  // Events, their deliveries and attempts.
  const event = await ask("POST", "/api/v1/events", {}, { event: "scan.completed", data: { job_id: "answers" } });
  await ask("POST", "/api/v1/events/batch", {}, { events: [{ event: "scan.started", data: { job_id: "answers" } }] });
  await ask("GET", "/api/v1/events");
  await ask("GET", "/api/v1/events/{id}", { id: event.id });
  const delivered = await eventually(async () => {
    const d = (await owner.req("GET", `/api/v1/deliveries?event_id=${event.id}`)).body.data[0];
    return d?.status === "succeeded" && d;
  }, 15_000, "the event's delivery to succeed");
  await ask("GET", "/api/v1/deliveries");
  const detail = await ask("GET", "/api/v1/deliveries/{id}", { id: delivered.id });
  await ask("GET", "/api/v1/deliveries/{id}/attempts", { id: delivered.id });
  await ask("GET", "/api/v1/attempts/{id}", { id: detail.attempt_list[0].id });
  await ask("POST", "/api/v1/deliveries/{id}/replay", { id: delivered.id });
  await ask("POST", "/api/v1/events/{id}/replay", { id: event.id });
  await ask("GET", "/api/v1/live/snapshot");
  await ask("GET", "/api/v1/operational-events");
  await ask("GET", "/api/v1/callback-secret");
  const job = await ask("POST", "/api/v1/webhooks/{id}/recover", { id }, { since: new Date(0).toISOString() });
  await ask("GET", "/api/v1/recover-jobs/{id}", { id: job.id });
  await ask("GET", "/api/v1/dead-letter");
  await ask("POST", "/api/v1/dead-letter/retry", {}, { all: true });
  await ask("POST", "/api/v1/realtime/token");

  // The event catalog.
  await ask("GET", "/api/v1/event-types");
  const type = await ask("POST", "/api/v1/event-types", {}, { name: "answers.custom", description: "x", schema: { type: "object" }, example: { a: 1 } });
  await ask("GET", "/api/v1/event-types/{name}", { name: type.name });
  await ask("PATCH", "/api/v1/event-types/{name}", { name: type.name }, { description: "y" });
  await ask("DELETE", "/api/v1/event-types/{name}", { name: type.name });

  // API keys.
  const key = await ask("POST", "/api/v1/api-keys", {}, { name: "answers" });
  await ask("GET", "/api/v1/api-keys");
  await ask("DELETE", "/api/v1/api-keys/{id}", { id: key.id });

  // Members and invitations: a second person joins by the emailed link, is promoted, leaves,
  // joins again and is removed; a third one's invitation is revoked.
  const invitee = await signUp();
  await ask("POST", "/api/v1/members", {}, { email: invitee.email, role: "viewer" });
  await ask("GET", "/api/v1/invitations");
  await as(invitee, "POST", "/api/v1/invitations/accept", {}, { token: await invitationToken(invitee.email) });
  const memberId = async () => (await ask("GET", "/api/v1/members")).data.find((m: Json) => m.email === invitee.email).id;
  await ask("PATCH", "/api/v1/members/{id}", { id: await memberId() }, { role: "admin" });
  await as(invitee, "POST", "/api/v1/members/leave");
  await ask("POST", "/api/v1/members", {}, { email: invitee.email, role: "viewer" });
  await as(invitee, "POST", "/api/v1/invitations/accept", {}, { token: await invitationToken(invitee.email) });
  await ask("DELETE", "/api/v1/members/{id}", { id: await memberId() });
  const revoked = (await ask("POST", "/api/v1/members", {}, { email: "nobody-yet@example.test", role: "viewer" })).data;
  await ask("DELETE", "/api/v1/invitations/{id}", { id: revoked.id });

  // Workspaces last: creating one makes it the active one, and switching goes back.
  await ask("GET", "/api/v1/workspaces");
  await ask("POST", "/api/v1/workspaces", {}, { name: "Answers two" });
  await ask("POST", "/api/v1/workspaces/switch", {}, { workspace_id: ownerWorkspace });

  assert.deepEqual(operations().filter((op) => !answered.has(op)), [], "operations this test never called");
});

test("every refusal is a documented status in the error shape", { timeout: 60_000 }, async () => {
  const refused = new Set<string>();
  const check = (op: string, res: ApiResponse) => {
    const [method, path] = op.split(" ");
    const documentedStatuses = Object.keys(doc.paths[path][method.toLowerCase()].responses);
    assert.ok(res.status >= 400 && res.status < 500, `${op}: a refusal, not ${res.status}`);
    assert.ok(documentedStatuses.includes(String(res.status)), `${op} answered ${res.status}, documented: ${documentedStatuses.join(", ")}`);
    assert.deepEqual(problems(pointer("components", "schemas", "Error"), res.body), [], `${op}: ${JSON.stringify(res.body)}`);
    refused.add(op);
  };
  for (const op of operations()) {
    const [method, path] = op.split(" ");
    const spec = doc.paths[path][method.toLowerCase()];
    if (spec["x-scope"] === null) continue; // public: nothing to refuse
    const url = fill(path, Object.fromEntries([...path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], "x_missing"])));
    check(op, await call(method, url, spec.requestBody ? { body: {} } : {}));
    // Signed in: a body that is no object, or an id that does not exist.
    if (spec.requestBody) check(op, await owner.req(method, url, []));
    else if (path.includes("{")) check(op, await owner.req(method, url));
  }
  const guarded = operations().filter((op) => doc.paths[op.split(" ")[1]][op.split(" ")[0].toLowerCase()]["x-scope"] !== null);
  assert.deepEqual(guarded.filter((op) => !refused.has(op)), []);
});
