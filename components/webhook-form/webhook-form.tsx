"use client";
// Create or edit a webhook with every endpoint setting. The browser checks what
// it can (JSON syntax); the API checks everything and its 422 details are shown
// next to the fields they name.
import { useState } from "react";
import type { Webhook } from "@/lib/validation/webhook";
import { ApiRequestError } from "@/components/api/fetch-json";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { EventsPicker } from "./events-picker";
import { emptyForm, formFromWebhook, problemsFromApi, RETRY_CHOICES, SIGNATURE_CHOICES, toRequestBody, type Problems, type WebhookForm as FormState } from "./form-model";
import { useSaveWebhook } from "./use-save-webhook";

export function WebhookForm({ webhook, onSaved }: { webhook?: Webhook; onSaved: (saved: Webhook) => void }) {
  const [form, setForm] = useState<FormState>(() => (webhook ? formFromWebhook(webhook) : emptyForm()));
  const [problems, setProblems] = useState<Problems>({});
  const save = useSaveWebhook(webhook?.id);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const { body, problems: local } = toRequestBody(form);
    setProblems(local);
    if (!body) return;
    save.mutate(body, {
      onSuccess: onSaved,
      onError: (err) => setProblems(err instanceof ApiRequestError && err.details ? problemsFromApi(err.details) : { form: err.message }),
    });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <Card title={webhook ? "Edit webhook" : "New webhook"} description="Where events go and which ones.">
        <div className="grid gap-4 p-4 md:grid-cols-2">
          <Field label="Endpoint URL" problem={problems.url} hint="https:// in production; http only to allowed ranges.">
            <Input value={form.url} onChange={(e) => set("url", e.target.value)} placeholder="https://your-app.com/webhooks" />
          </Field>
          <Field label="Description" problem={problems.description}>
            <Input value={form.description} onChange={(e) => set("description", e.target.value)} />
          </Field>
          <Field label="Events" problem={problems.events} hint='Comma separated: exact types, prefix wildcards ("scan.*") or "*".'>
            <Input value={form.events} onChange={(e) => set("events", e.target.value)} placeholder="scan.*, takedown.status_changed" />
          </Field>
          <div className="md:col-span-2">
            <EventsPicker value={form.events} onChange={(v) => set("events", v)} />
          </div>
        </div>
      </Card>

      <Card title="Signing and retries">
        <div className="grid gap-4 p-4 md:grid-cols-2">
          <Field label="Signature format" problem={problems.signature}>
            <Select value={form.signaturePreset} onChange={(e) => set("signaturePreset", e.target.value)}>
              {SIGNATURE_CHOICES.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
            </Select>
          </Field>
          {form.signaturePreset !== "standard-webhooks" ? (
            <Field label="Signature header" hint="Default X-Webhook-Signature">
              <Input value={form.signatureHeader} onChange={(e) => set("signatureHeader", e.target.value)} placeholder="X-Webhook-Signature" />
            </Field>
          ) : <div />}
          <Field label="Retry schedule" problem={problems.retry}>
            <Select value={form.retryPreset} onChange={(e) => set("retryPreset", e.target.value)}>
              {RETRY_CHOICES.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
            </Select>
          </Field>
          {form.retryPreset === "custom" ? (
            <Field label="Custom delays" hint="Before each attempt, e.g. 0, 30s, 10m, 1h">
              <Input value={form.customSchedule} onChange={(e) => set("customSchedule", e.target.value)} />
            </Field>
          ) : <div />}
          <Field label="Timeout (seconds)" problem={problems.timeoutSec} hint="1–60; empty = the server default">
            <Input inputMode="numeric" value={form.timeoutSec} onChange={(e) => set("timeoutSec", e.target.value)} />
          </Field>
          <Field label="Rate limit (deliveries per second)" problem={problems.rateLimit} hint="Empty = unlimited">
            <Input inputMode="numeric" value={form.rateLimit} onChange={(e) => set("rateLimit", e.target.value)} />
          </Field>
          <Field label="Max requests in flight" problem={problems.maxInFlight} hint="1–1000 at once; the others wait. Empty = the server default">
            <Input inputMode="numeric" value={form.maxInFlight} onChange={(e) => set("maxInFlight", e.target.value)} />
          </Field>
        </div>
      </Card>

      <Card title="Headers and filter">
        <div className="space-y-4 p-4">
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-700">Custom headers</legend>
            <p className="text-xs text-slate-500">Values are stored encrypted and shown as ***; leave *** to keep a saved value.</p>
            {form.headers.map((h, i) => (
              <div key={i} className="flex gap-2">
                <Input aria-label={`Header ${i + 1} name`} className="w-full" value={h.name} onChange={(e) => set("headers", form.headers.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} placeholder="X-API-Key" />
                <Input aria-label={`Header ${i + 1} value`} className="w-full" value={h.value} onChange={(e) => set("headers", form.headers.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))} />
                <Button onClick={() => set("headers", form.headers.filter((_, j) => j !== i))}>Remove</Button>
              </div>
            ))}
            <Button onClick={() => set("headers", [...form.headers, { name: "", value: "" }])}>Add header</Button>
            {problems.headers ? <p role="alert" className="text-xs text-rose-700">{problems.headers}</p> : null}
          </fieldset>
          <Field label="Payload filter (JSON)" problem={problems.filter} hint='MongoDB-style on the event data, e.g. {"status": ["rejected","flagged"], "confidence": {">=": 0.8}}'>
            <Textarea rows={4} className="font-mono" value={form.filter} onChange={(e) => set("filter", e.target.value)} />
          </Field>
        </div>
      </Card>

      <Card title="Batching and progress coalescing">
        <div className="grid gap-4 p-4 md:grid-cols-3">
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" checked={form.batchEnabled} onChange={(e) => set("batchEnabled", e.target.checked)} /> Send events in batches
          </label>
          <Field label="Max batch size" problem={problems.batch}>
            <Input disabled={!form.batchEnabled} value={form.batchMaxSize} onChange={(e) => set("batchMaxSize", e.target.value)} />
          </Field>
          <Field label="Max wait (ms)">
            <Input disabled={!form.batchEnabled} value={form.batchMaxWaitMs} onChange={(e) => set("batchMaxWaitMs", e.target.value)} />
          </Field>
          <Field label="Progress event types" problem={problems.coalesce} hint="e.g. download.progress — at most one per entity per second">
            <Input value={form.coalesceTypes} onChange={(e) => set("coalesceTypes", e.target.value)} />
          </Field>
          <Field label="Entity key" hint="e.g. request_id or job_id">
            <Input value={form.coalesceKey} onChange={(e) => set("coalesceKey", e.target.value)} />
          </Field>
        </div>
      </Card>

      {problems.form ? <p role="alert" className="text-sm text-rose-700">{problems.form}</p> : null}
      <div className="flex justify-end">
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : webhook ? "Save changes" : "Create webhook"}
        </Button>
      </div>
    </form>
  );
}
