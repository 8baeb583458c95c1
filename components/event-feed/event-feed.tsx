"use client";
// A stream of every event in the workspace as it is ingested: pause (new events
// wait in a buffer), filter by type pattern ("scan.*"), expand for the payload.
import { useCallback, useMemo, useRef, useState } from "react";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import { ConnectionBadge } from "@/components/live/connection-badge";
import { useLiveFeed } from "@/components/live/use-live-feed";
import type { FeedMessage } from "@/components/live/dashboard-state";
import { matchesEventType } from "@/lib/webhooks/event-match";

const KEEP = 200;

export function EventFeed() {
  const [items, setItems] = useState<FeedMessage[]>([]);
  const [paused, setPaused] = useState(false);
  const [filter, setFilter] = useState("");
  const [open, setOpen] = useState<string | null>(null);
  const buffer = useRef<FeedMessage[]>([]);
  const [buffered, setBuffered] = useState(0);
  const pausedRef = useRef(paused);
  pausedRef.current = paused;

  const onMessages = useCallback((messages: FeedMessage[]) => {
    if (pausedRef.current) {
      buffer.current = [...messages.reverse(), ...buffer.current].slice(0, KEEP);
      setBuffered(buffer.current.length);
      return;
    }
    setItems((prev) => [...messages.reverse(), ...prev].slice(0, KEEP));
  }, []);
  const status = useLiveFeed(["*"], onMessages);

  const resume = () => {
    // Taken now: the state updater runs later, after the buffer is emptied.
    const pending = buffer.current;
    setItems((prev) => [...pending, ...prev].slice(0, KEEP));
    buffer.current = [];
    setBuffered(0);
    setPaused(false);
  };

  const patterns = useMemo(() => filter.split(",").map((p) => p.trim()).filter(Boolean), [filter]);
  const shown = patterns.length ? items.filter((m) => matchesEventType(patterns, m.event)) : items;

  return (
    <Card
      title="Event feed"
      description="Every event as it is ingested (newest first, the last 200)."
      actions={<ConnectionBadge status={status} />}
    >
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-4 py-3">
        <label className="flex items-center gap-2 text-sm text-slate-600">
          Filter
          <Input value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="e.g. scan.*, takedown.status_changed" className="w-72" />
        </label>
        {paused ? (
          <Button variant="primary" onClick={resume}>
            Resume{buffered ? ` (${buffered} new)` : ""}
          </Button>
        ) : (
          <Button onClick={() => setPaused(true)}>Pause</Button>
        )}
      </div>
      {shown.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-500">{items.length ? "No events match the filter." : "Waiting for events…"}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {shown.map((m, i) => {
            const key = m.id ?? `${m.timestamp}-${i}`;
            const expanded = open === key;
            return (
              <li key={key} data-feed-event={m.event}>
                <button
                  type="button"
                  onClick={() => setOpen(expanded ? null : key)}
                  aria-expanded={expanded}
                  className="flex w-full items-center gap-3 px-4 py-2 text-left text-sm hover:bg-slate-50"
                >
                  <span className="font-mono text-xs text-slate-800">{m.event}</span>
                  <span className="truncate font-mono text-xs text-slate-500">{m.id}</span>
                  <span className="ml-auto text-xs text-slate-500">
                    <LocalTime iso={m.timestamp} />
                  </span>
                </button>
                {expanded ? (
                  // Payloads are shown as text, never interpreted as HTML.
                  <pre className="max-h-96 overflow-auto bg-slate-50 px-4 py-3 text-xs text-slate-700">{JSON.stringify(m.data, null, 2)}</pre>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
