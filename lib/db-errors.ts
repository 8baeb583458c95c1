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
