import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { StatusBadge } from "@/components/ui/status-badge";
import type { TakedownView } from "./dashboard-state";

export function TakedownList({ items }: { items: TakedownView[] }) {
  return (
    <Card title="Takedown requests" description="Newest status changes first.">
      {items.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-500">No takedown requests yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {items.map((t) => (
            <li key={t.id} data-takedown={t.id} className="flex items-center justify-between gap-3 px-4 py-3 text-sm">
              <div className="min-w-0">
                <span className="font-mono text-xs text-slate-700">{t.id}</span>
                <div className="text-xs text-slate-500">
                  {t.platform} · <LocalTime iso={t.updatedAt} />
                </div>
              </div>
              <StatusBadge status={t.status} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
