"use client";
// Timestamps arrive as ISO strings in UTC; people read them in their own
// locale and time zone. The ISO value stays in dateTime/title for precision.
const formatter = new Intl.DateTimeFormat(undefined, { dateStyle: "short", timeStyle: "medium" });

interface LocalTimeProps {
  iso: string | null;
  /** Shown when there is no timestamp, e.g. "Never". */
  fallback?: string;
}

export function LocalTime({ iso, fallback = "—" }: LocalTimeProps) {
  if (!iso) return <span className="text-slate-500">{fallback}</span>;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span>{iso}</span>;
  return (
    // The server's locale may differ from the browser's; the browser's wins.
    <time dateTime={iso} title={iso} suppressHydrationWarning className="whitespace-nowrap">
      {formatter.format(date)}
    </time>
  );
}
