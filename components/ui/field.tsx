"use client";
// Form controls with one look, and Field: a label, its control, a hint and a
// problem, wired together so screen readers announce them with the control
// (label → id, hint and problem → aria-describedby, a problem → aria-invalid).
import { createContext, useContext, useId, type ComponentProps, type ReactNode } from "react";

interface FieldWiring {
  id: string;
  describedBy?: string;
  invalid: boolean;
}

// The control inside a Field takes its id and descriptions from here.
const FieldContext = createContext<FieldWiring | null>(null);

export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  /** What is wrong with the value; shown under the control and announced. */
  problem?: string;
  /** Label and hint in a smaller, quieter type: for compact filter bars. */
  compact?: boolean;
  className?: string;
  /** One Input, Select or Textarea. */
  children: ReactNode;
}

export function Field({ label, hint, problem, compact = false, className = "", children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const describedBy = [hint ? hintId : null, problem ? problemId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className={compact ? "block text-xs text-slate-600" : "block text-sm font-medium text-slate-700"}>
        {label}
      </label>
      <FieldContext value={{ id, describedBy, invalid: Boolean(problem) }}>{children}</FieldContext>
      {hint ? (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {problem ? (
        <p id={problemId} role="alert" className="text-xs text-rose-700">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

const CONTROL =
  "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200 disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500 aria-[invalid=true]:border-rose-500";

/**
 * Inside a Field the control fills the field's width (the Field's className sizes both)
 * and is wired to its label, hint and problem; the control's own props win (an explicit id, say).
 */
function useWiring() {
  const field = useContext(FieldContext);
  if (!field) return { wiring: {}, width: "" };
  return { wiring: { id: field.id, "aria-describedby": field.describedBy, "aria-invalid": field.invalid || undefined }, width: "w-full" };
}

// One height for one-line controls: a browser draws a <select> a little shorter than an <input> otherwise.
const ONE_LINE = "h-8.5";

export function Input({ className = "", ...props }: ComponentProps<"input">) {
  const { wiring, width } = useWiring();
  return <input {...wiring} {...props} className={`${CONTROL} ${ONE_LINE} ${width} ${className}`} />;
}

export function Select({ className = "", ...props }: ComponentProps<"select">) {
  const { wiring, width } = useWiring();
  return <select {...wiring} {...props} className={`${CONTROL} ${ONE_LINE} ${width} ${className}`} />;
}

export function Textarea({ className = "", ...props }: ComponentProps<"textarea">) {
  const { wiring, width } = useWiring();
  return <textarea {...wiring} {...props} className={`${CONTROL} ${width} ${className}`} />;
}
