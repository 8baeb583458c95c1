// Renders the OpenAPI document: one section per tag, one row per operation.
import { LINK_CLASS } from "@/components/ui/text-link";
import { OperationCard } from "./operation-card";
import type { OpenApiDoc, Operation } from "./types";

export function ApiReference({ doc }: { doc: OpenApiDoc }) {
  const groups = new Map<string, { method: string; path: string; op: Operation }[]>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = op.tags?.[0] ?? "Other";
      if (!groups.has(tag)) groups.set(tag, []);
      groups.get(tag)!.push({ method, path, op });
    }
  }
  const tags = doc.tags ?? [...groups.keys()].map((name) => ({ name, description: undefined }));
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold text-slate-900">
          {doc.info.title} <span className="text-sm font-normal text-slate-500">v{doc.info.version}</span>
        </h1>
        {doc.info.description && <p className="text-sm text-slate-600">{doc.info.description}</p>}
        <p className="text-sm">
          <a className={`underline ${LINK_CLASS}`} href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>{" "}
          <span className="text-slate-500">— the machine-readable OpenAPI 3.1 document.</span>
        </p>
      </header>
      {tags
        .filter((t) => groups.has(t.name))
        .map((t) => (
          <section key={t.name} className="rounded-lg border border-slate-200 bg-white" aria-label={t.name}>
            <div className="border-b border-slate-200 px-4 py-3">
              <h2 className="text-sm font-semibold text-slate-900">{t.name}</h2>
              {t.description && <p className="text-xs text-slate-500">{t.description}</p>}
            </div>
            <ul className="divide-y divide-slate-100">
              {groups.get(t.name)!.map((o) => (
                <OperationCard key={`${o.method} ${o.path}`} {...o} />
              ))}
            </ul>
          </section>
        ))}
    </div>
  );
}
