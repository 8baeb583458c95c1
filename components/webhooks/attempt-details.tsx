import type { WebhookAttemptLog } from "./api";

// Bodies and headers come from the customer's receiver: shown as text only
// (React escapes it), never parsed as HTML. Not re-indented either: the exact
// bytes are what a signature was computed over, which is what people debug.
export function AttemptDetails({ attempt }: { attempt: WebhookAttemptLog }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <section aria-label="Request">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Request</h3>
        <p className="mt-1 break-all font-mono text-xs text-slate-600">POST {attempt.url}</p>
        <TextBlock label="Request headers" text={formatHeaders(attempt.request_headers)} />
        <TextBlock label="Request body" text={attempt.request_body} />
      </section>
      <section aria-label="Response">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Response</h3>
        <p className="mt-1 font-mono text-xs text-slate-600">{attempt.status === null ? attempt.error ?? "No response" : `HTTP ${attempt.status}`}</p>
        <TextBlock label="Response headers" text={formatHeaders(attempt.response_headers)} />
        <TextBlock label="Response body" text={attempt.response_body} />
      </section>
    </div>
  );
}

function TextBlock({ label, text }: { label: string; text: string | null }) {
  return (
    <div className="mt-2">
      <h4 className="text-xs text-slate-500">{label}</h4>
      {text ? (
        <pre aria-label={label} className="mt-1 max-h-72 overflow-auto whitespace-pre-wrap break-all rounded border border-slate-200 bg-white p-2 font-mono text-xs text-slate-800">
          {text}
        </pre>
      ) : (
        <p className="mt-1 text-xs text-slate-500">(empty)</p>
      )}
    </div>
  );
}

function formatHeaders(headers: unknown): string | null {
  if (!headers || typeof headers !== "object") return null;
  const lines = Object.entries(headers as Record<string, unknown>).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : String(v)}`);
  return lines.length ? lines.join("\n") : null;
}

