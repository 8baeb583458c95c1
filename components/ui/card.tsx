import { useId, type ReactNode } from "react";

interface CardProps {
  title: string;
  description?: ReactNode;
  /** Right-aligned in the header, e.g. a "refreshing" hint or a filter. */
  actions?: ReactNode;
  children: ReactNode;
}

/** A titled section; labelled by its heading so it is a named landmark for screen readers (and tests). */
export function Card({ title, description, actions, children }: CardProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="min-w-0 rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="flex flex-wrap items-start justify-between gap-2 border-b border-slate-200 px-4 py-3">
        <div className="min-w-0">
          <h2 id={headingId} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          {description ? <p className="mt-0.5 text-sm text-slate-500">{description}</p> : null}
        </div>
        {actions ? <div className="flex items-center gap-2 text-sm text-slate-500">{actions}</div> : null}
      </header>
      <div>{children}</div>
    </section>
  );
}
