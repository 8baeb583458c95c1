import Link from "next/link";

// Every screen, in the order people use them.
const LINKS = [
  ["/", "Overview"],
  ["/live", "Live"],
  ["/feed", "Event feed"],
  ["/deliveries", "Delivery log"],
  ["/dead-letter", "Dead letters"],
  ["/webhooks/new", "New webhook"],
  ["/catalog", "Event catalog"],
  ["/api-keys", "API keys"],
  ["/members", "Members"],
  ["/api-reference", "API reference"],
] as const;

export function DashboardNav() {
  return (
    <nav aria-label="Main" className="border-b border-slate-200 bg-white">
      <ul className="mx-auto flex max-w-7xl flex-wrap gap-x-4 gap-y-1 px-4 py-2 text-sm">
        {LINKS.map(([href, label]) => (
          <li key={href}>
            <Link href={href} className="text-slate-600 hover:text-slate-900">
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
