import type { DeliveryView } from "@/lib/validation/delivery";
import { LocalTime } from "@/components/ui/local-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, Td, Th } from "@/components/ui/table";
import { TruncatedText } from "@/components/ui/truncated-text";

export function DeliveriesTable({ deliveries }: { deliveries: DeliveryView[] }) {
  return (
    <Table label="Recent deliveries">
      <thead className="bg-slate-50">
        <tr>
          <Th>Event type</Th>
          <Th>Event ID</Th>
          <Th>Webhook URL</Th>
          <Th>Status</Th>
          <Th className="text-right">Attempts</Th>
          <Th>Last HTTP status</Th>
          <Th>Time</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {deliveries.map((delivery) => (
          <tr key={delivery.id} data-delivery-id={delivery.id} data-event-id={delivery.event_id}>
            <Td>
              <TruncatedText text={delivery.event_type} maxWidth="max-w-[10rem]" className="font-mono text-xs text-slate-900" />
            </Td>
            <Td>
              <TruncatedText text={delivery.event_id} maxWidth="max-w-[14rem]" className="font-mono text-xs" />
            </Td>
            <Td>
              <TruncatedText text={delivery.webhook_url} maxWidth="max-w-[12rem]" className="font-mono text-xs" />
            </Td>
            <Td>
              <StatusBadge status={delivery.status} />
              <NextAttempt delivery={delivery} />
            </Td>
            <Td className="text-right tabular-nums">{delivery.attempts}</Td>
            <Td>
              <LastResponse delivery={delivery} />
            </Td>
            <Td>
              <LocalTime iso={delivery.last_attempt_at ?? delivery.created_at} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

// A pending delivery that has already been tried is waiting for a retry; say when.
function NextAttempt({ delivery }: { delivery: DeliveryView }) {
  if (delivery.status !== "pending" || delivery.attempts === 0 || !delivery.next_attempt_at) return null;
  return (
    <span className="mt-0.5 block text-xs text-slate-500">
      retry <LocalTime iso={delivery.next_attempt_at} />
    </span>
  );
}

function LastResponse({ delivery }: { delivery: DeliveryView }) {
  const ok = delivery.last_status !== null && delivery.last_status >= 200 && delivery.last_status < 300;
  return (
    <>
      {delivery.last_status === null ? (
        <span className="text-slate-500">—</span>
      ) : (
        <span className={`font-mono tabular-nums ${ok ? "text-emerald-700" : "text-rose-700"}`}>{delivery.last_status}</span>
      )}
      {/* Error text comes from the remote side or the network stack: shown as text only. */}
      {delivery.last_error ? (
        <TruncatedText text={delivery.last_error} maxWidth="max-w-[10rem]" className="mt-0.5 text-xs text-rose-700" />
      ) : null}
    </>
  );
}
