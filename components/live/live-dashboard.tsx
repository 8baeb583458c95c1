"use client";
// The Content Protection Platform's real-time dashboard, done properly: starts from a snapshot of
// recent events, then folds in the live feed (batched, at most 10 updates a
// second), so bursts never freeze the page.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ErrorState } from "@/components/ui/query-states";
import { ActiveScans } from "./active-scans";
import { ConnectionBadge } from "./connection-badge";
import { applyMessages, emptyState, type FeedMessage } from "./dashboard-state";
import { RecentInfringements } from "./recent-infringements";
import { TakedownList } from "./takedown-list";
import { useLiveFeed } from "./use-live-feed";
import { useLiveSnapshot } from "./use-live-snapshot";

const PATTERNS = ["scan.*", "infringement.*", "takedown.*"];

export function LiveDashboard() {
  const [state, setState] = useState(emptyState);
  const seen = useRef(new SeenIds());
  const stateRef = useRef(state);
  stateRef.current = state;
  // Set at a reconnect: the newest event seen before the gap. Undefined before the first gap.
  const gapStart = useRef<string | null | undefined>(undefined);

  const onMessages = useCallback((messages: FeedMessage[]) => {
    seen.current.addAll(messages);
    setState((s) => applyMessages(s, messages));
  }, []);

  const snapshot = useLiveSnapshot();
  useEffect(() => {
    const data = snapshot.data;
    if (!data) return;
    // Decided now: React runs the updater below later, after these ids are marked seen.
    const unseen = data.filter((m) => !seen.current.has(m));
    const gap = gapStart.current;
    setState((live) => {
      // Nothing live yet: the snapshot is the whole starting state.
      if (live.counters.events === 0) return applyMessages(emptyState(), data);
      // Otherwise only what the live feed has not shown: newer than the last event before the
      // gap (or, on the first load, than the newest live one, so older history never goes on top).
      const after = gap ?? live.lastEventAt;
      return applyMessages(live, unseen.filter((m) => !after || m.timestamp > after));
    });
    seen.current.addAll(data);
  }, [snapshot.data]);

  const { refetch } = snapshot;
  const catchUp = useCallback(() => {
    gapStart.current = stateRef.current.lastEventAt;
    void refetch();
  }, [refetch]);
  const status = useLiveFeed(PATTERNS, onMessages, catchUp);

  const scans = useMemo(
    () => Object.values(state.scans).sort((a, b) => Number(b.status === "running") - Number(a.status === "running") || b.updatedAt.localeCompare(a.updatedAt)),
    [state.scans],
  );
  const takedowns = useMemo(() => Object.values(state.takedowns).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, 10), [state.takedowns]);
  const running = scans.filter((s) => s.status === "running").length;
  // Every running scan, and the five most recently finished.
  const shownScans = useMemo(() => [...scans.filter((s) => s.status === "running"), ...scans.filter((s) => s.status !== "running").slice(0, 5)], [scans]);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold text-slate-900">Content protection — live</h1>
        <ConnectionBadge status={status} />
      </div>
      {snapshot.isError ? (
        <ErrorState compact title="Recent history could not be loaded" error={snapshot.error} onRetry={() => void refetch()} />
      ) : null}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Counter label="Active scans" value={running} />
        <Counter label="Scans completed" value={state.counters.scansCompleted} />
        <Counter label="Infringements" value={state.counters.infringements} />
        <Counter label="Takedowns completed" value={state.counters.takedownsCompleted} />
      </dl>
      <ActiveScans scans={shownScans} />
      <div className="grid gap-6 lg:grid-cols-2">
        <RecentInfringements items={state.infringements} />
        <TakedownList items={takedowns} />
      </div>
    </div>
  );
}

function Counter({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-counter={label}>
        {value}
      </dd>
    </div>
  );
}

/** Ids of the events already folded in, so a catch-up never counts one twice; the oldest are forgotten past `max`. */
class SeenIds {
  private ids = new Set<string>();
  constructor(private readonly max = 5000) {}
  has(m: FeedMessage): boolean {
    return m.id !== undefined && this.ids.has(m.id);
  }
  addAll(messages: FeedMessage[]) {
    for (const m of messages) if (m.id) this.ids.add(m.id);
    for (const id of this.ids) {
      if (this.ids.size <= this.max) break;
      this.ids.delete(id);
    }
  }
}
