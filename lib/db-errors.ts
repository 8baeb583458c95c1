// What a PostgreSQL error means, whichever way Prisma reports it: a model query
// gives its own code (P2002, P2034), a raw query gives P2010 with the SQLSTATE
// in the driver adapter's cause.
import { Prisma } from "./generated/prisma/client";

function sqlState(err: Prisma.PrismaClientKnownRequestError): string | undefined {
  const meta = err.meta as { driverAdapterError?: { cause?: { originalCode?: string } } } | undefined;
  return meta?.driverAdapterError?.cause?.originalCode;
}

/** The SQLSTATE of a failed raw query, if PostgreSQL gave one. */
export function sqlStateOf(err: unknown): string | undefined {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2010" ? sqlState(err) : undefined;
}

/** A unique constraint said no (SQLSTATE 23505). */
export function isUniqueViolation(err: unknown): boolean {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError)) return false;
  return err.code === "P2002" || (err.code === "P2010" && sqlState(err) === "23505");
}

/** A deadlock or serialization failure (40P01, 40001): nothing was written, and trying again is safe. */
export function isRetryableConflict(err: unknown): boolean {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (err.code === "P2034") return true;
  const state = err.code === "P2010" ? sqlState(err) : undefined;
  return state === "40P01" || state === "40001";
}

// The driver adapter's names for "the server is not there" (Prisma 7, @prisma/adapter-pg).
const UNREACHABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// Prisma's own codes for the same: can't reach, timed out, closed, connection pool timeout.
const UNREACHABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// node-postgres / socket failures that reach us unwrapped (an idle pooled connection cut).
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH"]);

/**
 * PostgreSQL could not be reached or went away (connection refused or cut, starting
 * up or shutting down, out of connections): the operation did not fail on its own
 * merits and will work again once the database is back. Not a reason to fail a
 * delivery, and a 503 (not a 500) for an API caller.
 */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 4) return false;
  const e = err as { name?: string; code?: unknown; message?: unknown; meta?: unknown; cause?: unknown };
  if (e.name === "PrismaClientInitializationError") return true;
  if (typeof e.code === "string" && (UNREACHABLE_CODES.has(e.code) || SOCKET_CODES.has(e.code))) return true;
  const cause = (e.meta as { driverAdapterError?: { cause?: { kind?: string; originalCode?: string } } } | undefined)?.driverAdapterError?.cause;
  if (cause?.kind && UNREACHABLE_KINDS.has(cause.kind)) return true;
  // SQLSTATE class 08 (connection exception), 57P01–57P03 (shutdown, crash, starting up), 53300 (too many connections).
  const state = cause?.originalCode ?? (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined);
  if (state && (state.startsWith("08") || ["57P01", "57P02", "57P03", "53300"].includes(state))) return true;
  if (typeof e.message === "string" && /^Connection terminated|timeout exceeded when trying to connect|Can't reach database server/.test(e.message)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
