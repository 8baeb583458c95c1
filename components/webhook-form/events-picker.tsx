"use client";
// Pick event types from the catalog: "all events", a whole group ("scan.*")
// or single types. The checkboxes edit the same comma-separated patterns as
// the text field above them, so anything typed there (custom types, other
// wildcards) is kept.
import { useEventTypes } from "@/components/catalog/use-event-types";
import { coveredBy, groupTypes, togglePattern } from "./event-selection";
import { list } from "./form-model";

export function EventsPicker({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const types = useEventTypes();
  const patterns = list(value);
  const set = (pattern: string, on: boolean) => onChange(togglePattern(patterns, pattern, on).join(", "));
  const all = patterns.includes("*");
  return (
    <details className="rounded-md border border-slate-200 bg-slate-50 text-sm" data-testid="events-picker">
      <summary className="cursor-pointer px-3 py-2 text-slate-700">Pick from the event catalog</summary>
      <div className="space-y-3 border-t border-slate-200 px-3 py-3">
        {types.isPending ? (
          <p role="status" className="text-slate-500">Loading the catalog…</p>
        ) : types.isError ? (
          <p role="alert" className="text-rose-700">Could not load the catalog: {types.error.message}. Type the event names instead.</p>
        ) : (
          <>
            <Check label="All events (*)" checked={all} onChange={(on) => set("*", on)} />
            <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
              {groupTypes(types.data.map((t) => t.name)).map(({ group, types: names }) => {
                const wildcard = `${group}.*`;
                return (
                  <fieldset key={group} className="min-w-0 rounded border border-slate-200 bg-white px-3 py-2" disabled={all}>
                    <legend className="px-1 font-mono text-xs text-slate-500">{group}</legend>
                    <Check label={`All ${group} events (${wildcard})`} checked={all || patterns.includes(wildcard)} onChange={(on) => set(wildcard, on)} />
                    <ul className="mt-1 space-y-0.5 pl-4">
                      {names.map((name) => {
                        const via = coveredBy(patterns, name);
                        return (
                          <li key={name}>
                            <Check
                              label={name}
                              mono
                              checked={via !== null}
                              // A type covered by a wildcard is unticked by unticking the wildcard.
                              disabled={via !== null && via !== name}
                              onChange={(on) => set(name, on)}
                            />
                          </li>
                        );
                      })}
                    </ul>
                  </fieldset>
                );
              })}
            </div>
          </>
        )}
      </div>
    </details>
  );
}

function Check({ label, checked, onChange, disabled, mono }: { label: string; checked: boolean; onChange: (on: boolean) => void; disabled?: boolean; mono?: boolean }) {
  return (
    <label className={`flex items-center gap-2 ${disabled ? "text-slate-500" : "text-slate-700"}`}>
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      <span className={mono ? "break-all font-mono text-xs" : ""}>{label}</span>
    </label>
  );
}
