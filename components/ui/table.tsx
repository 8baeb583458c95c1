import type { ReactNode } from "react";

// Thin wrappers so every list table shares spacing, borders and horizontal
// scrolling on narrow screens instead of pushing the page wider.
export function Table({ children, label }: { children: ReactNode; label: string }) {
  return (
    <ScrollX label={label}>
      <table aria-label={label} className="min-w-full divide-y divide-slate-200 text-left text-sm">
        {children}
      </table>
    </ScrollX>
  );
}

/**
 * Horizontal scrolling for a wide table. `relative` makes it the containing block of
 * absolutely positioned children (sr-only labels), which would otherwise escape the
 * clip and widen the whole page on phones; tabIndex lets keyboard users scroll it.
 */
export function ScrollX({ children, label }: { children: ReactNode; label: string }) {
  return (
    <div className="relative overflow-x-auto" tabIndex={0} role="group" aria-label={`${label} (scrolls sideways)`}>
      {children}
    </div>
  );
}

export function Th({ children, className = "" }: { children: ReactNode; className?: string }) {
  return (
    <th scope="col" className={`whitespace-nowrap px-4 py-2 text-xs font-medium uppercase tracking-wide text-slate-500 ${className}`}>
      {children}
    </th>
  );
}

export function Td({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <td className={`px-4 py-2 align-top text-slate-700 ${className}`}>{children}</td>;
}
