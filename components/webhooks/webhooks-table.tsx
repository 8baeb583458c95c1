import type { Webhook } from "@/lib/validation/webhook";
import { LocalTime } from "@/components/ui/local-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, Td, Th } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { TruncatedText } from "@/components/ui/truncated-text";
import { HealthBadge } from "./health-badge";

export function WebhooksTable({ webhooks }: { webhooks: Webhook[] }) {
  return (
    <Table label="Webhooks">
      <thead className="bg-slate-50">
        <tr>
          <Th>URL</Th>
          <Th>Events</Th>
          <Th>Status</Th>
          <Th>Health</Th>
          <Th className="text-right">Deliveries</Th>
          <Th>Last delivery</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {webhooks.map((webhook) => (
          <tr key={webhook.id} data-webhook-id={webhook.id}>
            <Td>
              <TextLink quiet href={`/webhooks/${encodeURIComponent(webhook.id)}`}>
                <TruncatedText text={webhook.url} maxWidth="max-w-[18rem] sm:max-w-sm" className="font-mono text-xs" />
              </TextLink>
              {webhook.description ? (
                <TruncatedText text={webhook.description} maxWidth="max-w-[18rem] sm:max-w-sm" className="mt-0.5 text-xs text-slate-500" />
              ) : null}
            </Td>
            <Td>
              <EventList events={webhook.events} />
            </Td>
            <Td>
              <StatusBadge status={webhook.status} />
            </Td>
            <Td>
              <HealthBadge webhook={webhook} />
            </Td>
            <Td className="whitespace-nowrap text-right tabular-nums">
              <DeliveryCounts stats={webhook.delivery_stats} />
            </Td>
            <Td>
              <LocalTime iso={webhook.last_delivery} fallback="Never" />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

// A webhook may subscribe to hundreds of types; show a few and count the rest.
const VISIBLE_EVENTS = 3;

function EventList({ events }: { events: string[] }) {
  const shown = events.slice(0, VISIBLE_EVENTS);
  const hidden = events.length - shown.length;
  return (
    <ul className="flex max-w-xs flex-wrap gap-1" title={events.join(", ")}>
      {shown.map((event) => (
        <li key={event} className="max-w-full truncate rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">
          {event}
        </li>
      ))}
      {hidden > 0 ? <li className="px-1 py-0.5 text-xs text-slate-500">+{hidden} more</li> : null}
    </ul>
  );
}

function DeliveryCounts({ stats }: { stats: Webhook["delivery_stats"] }) {
  return (
    <span
      title={`${stats.total_deliveries} total, ${stats.successful_deliveries} succeeded, ${stats.failed_deliveries} failed`}
    >
      <span className="text-slate-900">{stats.total_deliveries}</span>
      <span className="text-slate-500"> / </span>
      <span className="text-emerald-700">{stats.successful_deliveries}</span>
      <span className="text-slate-500"> / </span>
      <span className="text-rose-700">{stats.failed_deliveries}</span>
    </span>
  );
}
