"use client";
// Pick an event type from the catalog, edit its example payload, send it.
import { useState } from "react";
import { useEventTypes } from "@/components/catalog/use-event-types";
import { Button } from "@/components/ui/button";
import { Field, Select, Textarea } from "@/components/ui/field";

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
      <Field label="Test with an event type" className="max-w-sm">
        <Select value={type} onChange={(e) => choose(e.target.value)}>
          <option value="">Choose…</option>
          {(types.data ?? []).map((t) => <option key={t.name} value={t.name}>{t.name}</option>)}
        </Select>
      </Field>
      {type ? (
        <>
          <Field label="Payload (data)" problem={problem ?? undefined}>
            <Textarea value={text} onChange={(e) => setText(e.target.value)} rows={8} className="font-mono" />
          </Field>
          <Button disabled={busy} onClick={send}>
            Send {type}
          </Button>
        </>
      ) : null}
    </div>
  );
}
