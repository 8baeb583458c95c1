import { useId, type ReactNode } from "react";

/** A labelled form control with its hint and its problem (announced to screen readers). */
export function Field({ label, hint, problem, children }: { label: string; hint?: ReactNode; problem?: string; children: (id: string, describedBy?: string) => ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const describedBy = [hint ? hintId : null, problem ? problemId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children(id, describedBy)}
      {hint ? <p id={hintId} className="text-xs text-slate-500">{hint}</p> : null}
      {problem ? (
        <p id={problemId} role="alert" className="text-xs text-rose-700">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

export const inputClass = "w-full rounded border border-slate-300 px-2 py-1.5 text-sm focus:border-sky-500 focus:outline-none";
