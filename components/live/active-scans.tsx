import { Card } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { TruncatedText } from "@/components/ui/truncated-text";
import type { ScanView } from "./dashboard-state";

export function ActiveScans({ scans }: { scans: ScanView[] }) {
  return (
    <Card title="Scans" description="Running scans first, with their progress.">
      {scans.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-500">No scans yet — they appear here as scan events arrive.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {scans.map((s) => (
            <li key={s.jobId} data-scan={s.jobId} className="px-4 py-3">
              <div className="flex items-center justify-between gap-3 text-sm">
                <div className="min-w-0">
                  <TruncatedText text={s.profileName} className="inline-block align-bottom font-medium text-slate-900" />
                  <span className="ml-2 font-mono text-xs text-slate-500">{s.jobId}</span>
                </div>
                <StatusBadge status={s.status} />
              </div>
              <div className="mt-2 flex items-center gap-3">
                <div
                  role="progressbar"
                  aria-label={`Scan ${s.jobId} progress`}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={s.percentage}
                  className="h-2 flex-1 overflow-hidden rounded-full bg-slate-100"
                >
                  <div
                    className={`h-full rounded-full transition-[width] duration-300 ${s.status === "failed" ? "bg-rose-400" : "bg-sky-500"}`}
                    style={{ width: `${s.percentage}%` }}
                  />
                </div>
                <span className="w-10 text-right text-xs tabular-nums text-slate-600">{s.percentage}%</span>
                <span className="w-24 text-right text-xs text-slate-500">{s.found} match{s.found === 1 ? "" : "es"}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
