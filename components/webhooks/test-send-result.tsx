import type { TestSendResult } from "./api";

// Receivers may answer with anything (HTML error pages, huge JSON): an excerpt, as text.
const EXCERPT_CHARS = 500;

export function TestSendResultView({ result }: { result: TestSendResult }) {
  const body = result.response.body ?? "";
  const excerpt = body.length > EXCERPT_CHARS ? `${body.slice(0, EXCERPT_CHARS)}…` : body;
  return (
    <section
      aria-label="Test result"
      className={`rounded-md border px-3 py-2 text-sm ${result.success ? "border-emerald-200 bg-emerald-50" : "border-rose-200 bg-rose-50"}`}
    >
      <p>
        <span className={`font-medium ${result.success ? "text-emerald-800" : "text-rose-800"}`}>
          {result.success ? "Test delivered" : "Test failed"}
        </span>
        {" · "}
        <span data-test-status>{result.response.status === null ? "no response" : `HTTP ${result.response.status}`}</span>
        {" · "}
        <span>{result.duration_ms} ms</span>
        {result.error ? <span className="text-rose-700"> · {result.error}</span> : null}
      </p>
      {excerpt ? (
        <pre aria-label="Test response body" className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap break-all font-mono text-xs text-slate-700">
          {excerpt}
        </pre>
      ) : null}
    </section>
  );
}
