"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

// Every screen, in the order people use them.
const LINKS = [
  ["/", "Overview"],
  ["/live", "Live"],
  ["/feed", "Event feed"],
  ["/webhooks", "Webhooks"],
  ["/deliveries", "Delivery log"],
  ["/dead-letter", "Dead letters"],
  ["/catalog", "Event catalog"],
  ["/api-keys", "API keys"],
  ["/members", "Members"],
  ["/api-reference", "API reference"],
] as const;

/** A link is current on its own page and, except Overview, on the pages below it (/webhooks/wh_…). */
const isCurrent = (href: string, path: string) => (href === "/" ? path === "/" : path === href || path.startsWith(`${href}/`));

export function DashboardNav() {
  const path = usePathname() ?? "/";
  return (
    <nav aria-label="Main" className="border-b border-slate-200 bg-white">
      <ul className="mx-auto flex max-w-7xl flex-wrap gap-x-4 gap-y-1 px-4 py-2 text-sm">
        {LINKS.map(([href, label]) => {
          const current = isCurrent(href, path);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={current ? "font-medium text-indigo-700" : "text-slate-600 hover:text-slate-900"}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
