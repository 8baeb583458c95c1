// The OpenAPI document: public, valid OpenAPI 3.1, and in step with the route
// files on disk (every exported method of every app/api/v1 route.ts, and nothing more).
// Its answers against the real ones: openapi-answers.test.ts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { randomBytes } from "node:crypto";
import { BASE_URL, call } from "../helpers/api";

const ROOT = join(process.cwd(), "app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

interface RouteFile {
  path: string;
  methods: string[];
  file: string;
}

function routeFiles(dir = ROOT): RouteFile[] {
  const found: RouteFile[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...routeFiles(full));
    else if (entry.name === "route.ts") {
      const source = readFileSync(full, "utf8");
      const methods = new Set<string>();
      for (const m of source.matchAll(/export\s+(?:const|let|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]);
      for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
        for (const name of m[1].split(",").map((s) => s.trim().split(/\s+as\s+/).pop()!)) if (METHODS.includes(name)) methods.add(name);
      }
      const segments = relative(ROOT, dir).split(sep).filter((s) => s && !/^\(.*\)$/.test(s));
      found.push({
        path: "/api/v1" + segments.map((s) => "/" + s.replace(/^\[(.+)\]$/, "{$1}")).join(""),
        methods: [...methods],
        file: relative(process.cwd(), full),
      });
    }
  }
  return found;
}

test("GET /api/v1/openapi.json is public and a valid OpenAPI 3.1 document", async () => {
  const res = await call("GET", "/api/v1/openapi.json");
  assert.equal(res.status, 200);
  assert.equal(res.body.openapi, "3.1.0");
  const result = await new Validator().validate(res.body);
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
  assert.deepEqual(res.body, JSON.parse(JSON.stringify(buildOpenApiDocument())), "served document = generated document");
});

test("the validator is not a rubber stamp", async () => {
  const broken = JSON.parse(JSON.stringify(buildOpenApiDocument()));
  broken.paths["/api/v1/webhooks"].get.responses = "nope";
  delete broken.info;
  assert.equal((await new Validator().validate(broken)).valid, false);
});

// Which contract a method serves is checked where it runs: withWorkspace answers 500 to a request
// its contract does not describe (lib/api/with-workspace.ts), and openapi-answers.test.ts calls each one.
test("every exported method of every app/api/v1 route.ts is documented, and nothing more", () => {
  const doc = buildOpenApiDocument() as any;
  const files = routeFiles();
  assert.ok(files.length >= 10, "found the route files");
  const missing: string[] = [];
  for (const f of files) {
    assert.ok(f.methods.length > 0, `${f.file} exports no HTTP method`);
    for (const method of f.methods) if (!doc.paths[f.path]?.[method.toLowerCase()]) missing.push(`${method} ${f.path} (${f.file})`);
  }
  assert.deepEqual(missing, [], "routes missing from lib/api/contracts");

  const onDisk = new Set(files.flatMap((f) => f.methods.map((m) => `${m.toLowerCase()} ${f.path}`)));
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops as object).map((m) => `${m} ${path}`));
  assert.deepEqual(documented.filter((op) => !onDisk.has(op)), [], "documented routes that no longer exist");
});

test("operations carry the routes' real zod schemas", () => {
  const doc = buildOpenApiDocument() as any;
  const ingest = doc.paths["/api/v1/events"].post;
  const body = ingest.requestBody.content["application/json"].schema;
  assert.ok(body.properties.data && body.properties.event && body.properties.webhook_url, "eventIngestSchema fields");
  assert.equal(ingest.responses["202"].content["application/json"].schema.properties.deliveries.type, "number");
  assert.equal(ingest.responses["422"].$ref, "#/components/responses/ValidationFailed");

  const create = doc.paths["/api/v1/event-types"].post;
  assert.deepEqual(create.requestBody.content["application/json"].schema.required, ["name"]);
  assert.equal(create.responses["409"].$ref, "#/components/responses/Conflict");
  const deliveries = doc.paths["/api/v1/deliveries"].get;
  const status = deliveries.parameters.find((p: any) => p.name === "status");
  assert.deepEqual(status.schema.enum, ["pending", "sending", "succeeded", "failed", "skipped"]);
  assert.equal(doc.paths["/api/v1/webhooks/{id}"].get.parameters[0].name, "id");
  assert.deepEqual(doc.paths["/api/v1/openapi.json"].get.security, []);
});

test("the dashboard's API reference page renders the document, linked from the dashboard", async () => {
  const email = `ref-${randomBytes(5).toString("hex")}@example.test`;
  const signUp = await fetch(`${BASE_URL}/api/auth/sign-up/email`, {
    method: "POST",
    // better-auth checks the Origin of credential requests against APP_URL.
    headers: { "content-type": "application/json", origin: process.env.APP_URL ?? BASE_URL },
    body: JSON.stringify({ email, password: "correct horse battery", name: "ref" }),
  });
  assert.equal(signUp.status, 200, await signUp.clone().text());
  const cookie = signUp.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");

  const page = await fetch(`${BASE_URL}/api-reference`, { headers: { cookie }, redirect: "manual" });
  assert.equal(page.status, 200);
  const html = await page.text();
  for (const text of ["HookRelay API", "Event types", "Webhooks", "/api/v1/event-types/{name}", "webhooks:write", "Request body", "Response 201"]) {
    assert.ok(html.includes(text), `page shows ${text}`);
  }
  const home = await (await fetch(`${BASE_URL}/`, { headers: { cookie } })).text();
  assert.match(home, /href="\/api-reference"/);

  assert.equal((await fetch(`${BASE_URL}/api-reference`, { redirect: "manual" })).status, 307, "no session: redirected to /login");
});
