// The checks every API input goes through, in one place: the JSON body (size while it
// streams, UTF-8, nesting depth, text PostgreSQL cannot store), the query string, the
// path's ids and the headers we read. A refused input is a 4xx in the error envelope
// before the route's own code runs, instead of a database error (a 500) halfway through.
import type { NextRequest } from "next/server";
import { ApiError } from "./errors";

/** Deeper JSON is refused: no payload needs it, and recursive code (zod, ajv, sift, JSON.stringify) would overflow on it. */
export const MAX_JSON_DEPTH = 64;

type Path = (string | number)[];
const showPath = (path: Path, root = "(body)") => (path.length ? path.join(".") : root);

/** What PostgreSQL cannot store (text and jsonb refuse NUL and unpaired UTF-16 surrogates), for any JSON text. */
function storableTextProblem(s: string): string | null {
  if (s.includes("\u0000")) return "must not contain NUL (\\u0000)";
  if (/\p{Cs}/u.test(s)) return "must not contain an unpaired UTF-16 surrogate";
  return null;
}

/** Query values, ids and header values: single-line text, so any control character is refused. */
function plainTextProblem(s: string): string | null {
  if (/\p{Cc}/u.test(s)) return "must not contain control characters";
  return storableTextProblem(s);
}

const invalid = (path: string, message: string) =>
  new ApiError("validation_failed", `${path}: ${message}`, [{ path, message }]);

/**
 * Reads a JSON body with the limits every route shares: content type, size (counted as the
 * bytes arrive, so a chunked body without Content-Length cannot be buffered whole), UTF-8,
 * syntax, depth and storable text.
 */
export async function readJson(req: Request, maxBytes: number): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new ApiError("unsupported_media_type", "Content-Type must be application/json");
  }
  const text = decodeUtf8(await readBytes(req, maxBytes));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError("bad_request", "Request body is not valid JSON");
  }
  checkJsonValue(value);
  return value;
}

async function readBytes(req: Request, maxBytes: number): Promise<Buffer> {
  // The declared length only lets us refuse early; the count below is what holds.
  if (Number(req.headers.get("content-length") ?? "0") > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      // The client went away mid-body (or server.ts cut it off at its cap): nothing to answer.
      throw new ApiError("bad_request", "Request body could not be read to the end");
    });
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError("bad_request", "Request body is not valid UTF-8");
  }
}

/** Walks a parsed body without recursion, so a hostile depth cannot overflow the stack here either. */
export function checkJsonValue(value: unknown, maxDepth = MAX_JSON_DEPTH): void {
  const stack: [unknown, Path][] = [[value, []]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (path.length > maxDepth) {
      throw invalid(showPath(path.slice(0, maxDepth)), `is nested deeper than ${maxDepth} levels`);
    }
    if (typeof v === "string") {
      const problem = storableTextProblem(v);
      if (problem) throw invalid(showPath(path), problem);
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push([item, [...path, i]]));
    } else if (v !== null && typeof v === "object") {
      for (const [key, item] of Object.entries(v)) {
        const problem = storableTextProblem(key);
        if (problem) throw invalid(showPath([...path, key]), `key ${problem}`);
        stack.push([item, [...path, key]]);
      }
    }
  }
}

/** The query string and the path's parameters (ids, names): plain text, or a 422 naming the parameter. */
export function checkUrlInput(req: NextRequest, params: Record<string, string>): void {
  for (const [name, value] of req.nextUrl.searchParams) {
    const problem = plainTextProblem(name) ?? plainTextProblem(value);
    if (problem) throw invalid(`query.${plainTextProblem(name) ? "(name)" : name}`, problem);
  }
  for (const [name, value] of Object.entries(params)) {
    const problem = plainTextProblem(value);
    if (problem) throw invalid(name, problem);
  }
}

/** A request header's value, or a 422 naming the header when it holds control characters. */
export function headerText(req: Request, name: string): string | undefined {
  const value = req.headers.get(name) ?? undefined;
  const problem = value === undefined ? null : plainTextProblem(value);
  if (problem) throw new ApiError("validation_failed", `${name} header ${problem}`, [{ path: `headers.${name}`, message: problem }]);
  return value;
}

export const tooLarge = (max: number) =>
  new ApiError("payload_too_large", `Request body exceeds the ${Math.round(max / 1024)} KB limit`);
