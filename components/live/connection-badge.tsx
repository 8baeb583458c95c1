import type { FeedStatus } from "./use-live-feed";

const LABEL: Record<FeedStatus, string> = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…", offline: "Offline" };
const DOT: Record<FeedStatus, string> = { connecting: "bg-amber-400", live: "bg-emerald-500", reconnecting: "bg-amber-400", offline: "bg-rose-500" };

export function ConnectionBadge({ status }: { status: FeedStatus }) {
  return (
    <span role="status" aria-live="polite" data-feed-status={status} className="inline-flex items-center gap-1.5 text-sm text-slate-600">
      <span className={`h-2 w-2 rounded-full ${DOT[status]}`} aria-hidden />
      {LABEL[status]}
    </span>
  );
}
