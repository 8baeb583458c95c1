import { MethodBadge } from "./method-badge";
import { SchemaBlock } from "./schema-block";
import type { Operation } from "./types";

export function OperationCard({ method, path, op }: { method: string; path: string; op: Operation }) {
  const body = op.requestBody?.content?.["application/json"]?.schema;
  const success = Object.entries(op.responses).find(([status]) => status.startsWith("2"));
  const responseSchema = success?.[1].content?.["application/json"]?.schema;
  const errors = Object.keys(op.responses).filter((s) => !s.startsWith("2"));
  return (
    <li className="px-4 py-3" id={op.operationId}>
      <div className="flex flex-wrap items-center gap-3">
        <MethodBadge method={method} />
        <code className="font-mono text-sm text-slate-900">{path}</code>
        <span className="text-sm text-slate-600">{op.summary}</span>
        <span className="ml-auto rounded bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-600">{op["x-scope"] ?? "public"}</span>
      </div>
      {op.description && <p className="mt-1 whitespace-pre-line text-xs text-slate-500">{op.description}</p>}
      <p className="mt-1 text-xs text-slate-500">
        {success ? `${success[0]} on success` : ""}
        {errors.length ? ` · errors ${errors.join(", ")}` : ""}
      </p>
      {op.parameters?.some((p) => p.in === "query") && (
        <SchemaBlock title="Query parameters" schema={Object.fromEntries(op.parameters.filter((p) => p.in === "query").map((p) => [p.name, p.schema]))} />
      )}
      {body !== undefined && <SchemaBlock title={`Request body${op.requestBody?.required ? "" : " (optional)"}`} schema={body} />}
      {responseSchema !== undefined && <SchemaBlock title={`Response ${success![0]}`} schema={responseSchema} />}
    </li>
  );
}
