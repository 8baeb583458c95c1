"use client";
// Pick an event type from the catalog, edit its example payload, send it.
import { useState } from "react";
import { useEventTypes } from "@/components/catalog/use-event-types";

export function TestPayloadPicker({ busy, onSend }: { busy: boolean; onSend: (body: { event_type: string; data: Record<string, unknown> }) => void }) {
  const types = useEventTypes();
  const [type, setType] = useState("");
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  const choose = (name: string) => {
    setType(name);
    const example = types.data?.find((t) => t.name === name)?.example ?? {};
    setText(JSON.stringify(example, null, 2));
    setProblem(null);
  };
  const send = () => {
    try {
      const data = JSON.parse(text || "{}");
      if (typeof data !== "object" || data === null || Array.isArray(data)) throw new Error("the payload must be a JSON object");
      setProblem(null);
      onSend({ event_type: type, data });
    } catch (err) {
      setProblem(`Payload: ${(err as Error).message}`);
    }
  };

  return (
    <div className="space-y-2 rounded border border-slate-200 p-3">
      <label className="block text-sm font-medium text-slate-700">
        Test with an event type
        <select value={type} onChange={(e) => choose(e.target.value)} className="mt-1 block w-full max-w-sm rounded border border-slate-300 px-2 py-1 text-sm">
          <option value="">Choose…</option>
          {(types.data ?? []).map((t) => <option key={t.name} value={t.name}>{t.name}</option>)}
        </select>
      </label>
      {type ? (
        <>
          <label className="block text-sm font-medium text-slate-700">
            Payload (data)
            <textarea value={text} onChange={(e) => setText(e.target.value)} rows={8} className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs" />
          </label>
          {problem ? <p role="alert" className="text-sm text-rose-700">{problem}</p> : null}
          <button type="button" disabled={busy} onClick={send} className="rounded-md border border-indigo-600 px-3 py-1.5 text-sm font-medium text-indigo-700 disabled:opacity-50">
            Send {type}
          </button>
        </>
      ) : null}
    </div>
  );
}
