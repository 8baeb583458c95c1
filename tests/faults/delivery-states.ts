// The database's side of the reconciliation: a receiver may have got a request
// whose delivery was never recorded (its worker killed mid-attempt), so arrival
// alone cannot show a delivery stranded in `sending` or dead-lettered by a
// fault. Every delivery of an accepted event must end `succeeded` (the
// receivers always answer 200).
import pg from "pg";

/** Deliveries of the accepted events by status, read from the stack's PostgreSQL. */
export async function deliveryStates(databaseUrl: string, eventIds: string[]): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  client.on("error", () => {});
  await client.connect();
  try {
    const { rows } = await client.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM "Delivery" WHERE "eventId" = ANY($1::text[]) GROUP BY status`,
      [eventIds],
    );
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  } finally {
    await client.end().catch(() => {});
  }
}
