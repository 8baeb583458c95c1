// Connection URLs: the database of a PostgreSQL URL, and URLs made fit to print.
// Split with a regex rather than WHATWG URL: libpq (and pg) accept an empty host
// (postgresql://user@/db?host=/run/postgresql), which `new URL` rejects.

const URL_RE = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(\/[^?#]*)?(\?[^#]*)?(#.*)?$/i;

function splitUrl(url) {
  const m = URL_RE.exec(url);
  if (!m) throw new Error(`Not a connection URL: ${redact(url)}`);
  return { base: m[1], path: m[2] ?? "", query: m[3] ?? "" };
}

/** The database name in a PostgreSQL URL ("" when none). */
export function databaseOf(url) {
  return decodeURIComponent(splitUrl(url).path.replace(/^\//, ""));
}

/** `url` pointing at database `name`, everything else (user, host, query) unchanged. */
export function withDatabase(url, name) {
  const { base, query } = splitUrl(url);
  return `${base}/${encodeURIComponent(name)}${query}`;
}

/** The URL with its password replaced by ***, for messages. */
export const redact = (url) => String(url).replace(/(:\/\/[^:@/]*):[^/]*@/, "$1:***@");
