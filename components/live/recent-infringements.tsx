import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { LINK_CLASS } from "@/components/ui/text-link";
import { confidenceClass, type InfringementView } from "./dashboard-state";

const TONE = { high: "bg-rose-50 text-rose-700 ring-rose-600/20", medium: "bg-amber-50 text-amber-800 ring-amber-600/20", low: "bg-slate-100 text-slate-600 ring-slate-500/20" };

export function RecentInfringements({ items }: { items: InfringementView[] }) {
  return (
    <Card title="Recent infringements" description="The ten newest, with the match confidence.">
      {items.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-500">No infringements detected yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {items.map((i) => {
            const level = confidenceClass(i.confidence);
            return (
              <li key={String(i.id)} data-infringement={String(i.id)} className="flex items-center gap-3 px-4 py-3 text-sm">
                <div className="min-w-0 flex-1">
                  {/* Text only, never HTML; opened without giving the page access to us. */}
                  <a href={safeHref(i.url)} target="_blank" rel="noopener noreferrer" title={i.url} className={`block truncate hover:underline ${LINK_CLASS}`}>
                    {i.url}
                  </a>
                  <div className="text-xs text-slate-500">
                    {i.platform} · {i.status} · <LocalTime iso={i.detectedAt} />
                  </div>
                </div>
                <span data-confidence={level} className={`rounded-full px-2 py-0.5 text-xs font-medium tabular-nums ring-1 ring-inset ${TONE[level]}`}>
                  {Math.round(i.confidence * 100)}%
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

// Only http(s) links are clickable: a javascript: URL in a payload must not run.
function safeHref(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}
