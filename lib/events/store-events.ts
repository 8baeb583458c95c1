// Writes new events with their deliveries in one statement: one INSERT per
// table, whatever the number of rows, with the rows passed as a single JSON
// parameter. Prisma's createMany spent more CPU turning 500 events into bind
// parameters than PostgreSQL spent storing them (npm run bench's ingest).
import { db } from "../db";

export interface NewEvent {
  id: string;
  workspaceId: string;
  type: string;
  payload: Record<string, unknown>;
  idempotencyKey?: string | null;
  createdAt: Date;
}

export interface NewDelivery {
  id: string;
  workspaceId: string;
  eventId: string;
  endpointId: string;
  nextAttemptAt: Date | null;
  coalesceKey: string | null;
  /** Default pending; "skipped" (with lastError) for an endpoint whose filter could not be evaluated. */
  status?: "skipped";
  lastError?: string;
}

/**
 * One statement, so atomic without a transaction's extra round trips: the event
 * rows and the delivery rows (whose foreign keys are checked at its end).
 * Throws a unique violation (lib/db-errors.ts) when an idempotency key is
 * already stored; then nothing is written.
 */
export async function storeEvents(events: NewEvent[], deliveries: NewDelivery[], at: Date): Promise<void> {
  await db.$executeRaw`
    WITH stored AS (
      INSERT INTO "Event" (id, "workspaceId", type, payload, "idempotencyKey", "createdAt")
      SELECT e.id, e."workspaceId", e.type, e.payload, e."idempotencyKey", e."createdAt"
        FROM jsonb_to_recordset(${JSON.stringify(events)}::jsonb)
          AS e(id text, "workspaceId" text, type text, payload jsonb, "idempotencyKey" text, "createdAt" timestamptz))
    INSERT INTO "Delivery" (id, "workspaceId", "eventId", "endpointId", "nextAttemptAt", "coalesceKey", status, "lastError", "createdAt", "updatedAt")
    SELECT d.id, d."workspaceId", d."eventId", d."endpointId", d."nextAttemptAt", d."coalesceKey",
           COALESCE(d.status, 'pending')::"DeliveryStatus", d."lastError", ${at}, ${at}
      FROM jsonb_to_recordset(${JSON.stringify(deliveries)}::jsonb)
        AS d(id text, "workspaceId" text, "eventId" text, "endpointId" text, "nextAttemptAt" timestamptz, "coalesceKey" text, status text, "lastError" text)`;
}
