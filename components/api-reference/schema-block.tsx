// A JSON Schema as pretty JSON text, folded by default (<details>: no client JS).
export function SchemaBlock({ title, schema }: { title: string; schema: unknown }) {
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-xs font-medium text-slate-600">{title}</summary>
      <pre className="mt-1 max-h-96 overflow-auto rounded bg-slate-50 p-3 font-mono text-xs text-slate-800">{JSON.stringify(schema, null, 2)}</pre>
    </details>
  );
}
