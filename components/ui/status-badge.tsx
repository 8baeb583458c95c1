// Webhook states (active / disabled) and delivery states (pending / sending /
// succeeded / failed) share one badge so the same word always looks the same.
const TONES: Record<string, string> = {
  active: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  succeeded: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  pending: "bg-amber-50 text-amber-800 ring-amber-600/20",
  sending: "bg-sky-50 text-sky-700 ring-sky-600/20",
  failed: "bg-rose-50 text-rose-700 ring-rose-600/20",
  disabled: "bg-slate-100 text-slate-600 ring-slate-500/20",
  skipped: "bg-slate-100 text-slate-600 ring-slate-500/20",
  // scans and takedowns on the live dashboard
  running: "bg-sky-50 text-sky-700 ring-sky-600/20",
  completed: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  acknowledged: "bg-sky-50 text-sky-700 ring-sky-600/20",
  in_progress: "bg-sky-50 text-sky-700 ring-sky-600/20",
  rejected: "bg-rose-50 text-rose-700 ring-rose-600/20",
};
const NEUTRAL = "bg-slate-100 text-slate-600 ring-slate-500/20";

export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      data-status={status}
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[status] ?? NEUTRAL}`}
    >
      {status}
    </span>
  );
}
