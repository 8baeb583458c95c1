// The UI building blocks' promises that no screen test looks at directly:
// a Field wires its label, hint and problem to its control for screen readers,
// and a Button submits nothing unless it says so.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea, type FieldProps } from "@/components/ui/field";

// createElement passes the control as children (its typing wants them among the props).
const field = (props: Omit<FieldProps, "children">, control: ReturnType<typeof h>) => h(Field, props as FieldProps, control);
const attr = (html: string, tag: string, name: string) => html.match(new RegExp(`<${tag}\\b[^>]*\\s${name}="([^"]*)"`))?.[1];

test("a Field's label names its control; hint and problem describe it; a problem marks it invalid", () => {
  const html = renderToStaticMarkup(field({ label: "Endpoint URL", hint: "https only", problem: "Must be a URL" }, h(Input, { value: "x", readOnly: true })));
  const id = attr(html, "input", "id");
  assert.ok(id, html);
  assert.equal(attr(html, "label", "for"), id);
  const describedBy = attr(html, "input", "aria-describedby")?.split(" ") ?? [];
  assert.equal(describedBy.length, 2, html);
  assert.match(html, new RegExp(`<p id="${describedBy[0]}"[^>]*>https only</p>`));
  assert.match(html, new RegExp(`<p id="${describedBy[1]}" role="alert"[^>]*>Must be a URL</p>`));
  assert.equal(attr(html, "input", "aria-invalid"), "true");
});

test("without hint or problem a control has no descriptions and is not marked invalid; each Field has its own id", () => {
  const html = renderToStaticMarkup(
    h("form", null, field({ label: "Retry schedule" }, h(Select, null, h("option", null, "default"))), field({ label: "Filter" }, h(Textarea))),
  );
  assert.equal(attr(html, "select", "aria-describedby"), undefined);
  assert.equal(attr(html, "select", "aria-invalid"), undefined);
  const ids = [attr(html, "select", "id"), attr(html, "textarea", "id")];
  assert.ok(ids[0] && ids[1] && ids[0] !== ids[1], html);
  assert.deepEqual([...html.matchAll(/<label for="([^"]*)"/g)].map((m) => m[1]), ids);
});

test("outside a Field a control keeps what it is given (an aria-label, its own id)", () => {
  const html = renderToStaticMarkup(h(Input, { id: "own", "aria-label": "Search event types" }));
  assert.equal(attr(html, "input", "id"), "own");
  assert.equal(attr(html, "input", "aria-label"), "Search event types");
  assert.equal(attr(html, "input", "aria-describedby"), undefined);
});

test("a Button is type=button unless it says submit, and passes disabled and aria props on", () => {
  assert.equal(attr(renderToStaticMarkup(h(Button, null, "Pause")), "button", "type"), "button");
  const submit = renderToStaticMarkup(h(Button, { type: "submit", variant: "primary", disabled: true, "aria-busy": true }, "Sign in"));
  assert.equal(attr(submit, "button", "type"), "submit");
  assert.match(submit, /<button[^>]*\sdisabled=""/);
  assert.equal(attr(submit, "button", "aria-busy"), "true");
});
