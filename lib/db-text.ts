// PostgreSQL refuses some strings JavaScript holds without complaint: `text`
// and `jsonb` cannot contain U+0000 (SQLSTATE 22P05), and `jsonb` refuses a
// lone UTF-16 surrogate. A receiver's answer (and any error text quoting it)
// can carry either, so whatever comes from outside is passed through here
// before it is written.
//
// Each such character becomes U+FFFD, the replacement character: the same one
// undecodable bytes already become when a response is read as UTF-8, so every
// unstorable character looks the same in the logs and the dashboard, and all
// other text is kept exactly. (A visible escape like "\u0000" was not chosen:
// it could not be told apart from a receiver that sent those six characters.)

/** `s` with NUL and lone surrogates replaced by U+FFFD. */
export function storableText(s: string): string;
export function storableText(s: string | null): string | null;
export function storableText(s: string | null): string | null {
  if (s === null) return null;
  return s.toWellFormed().replaceAll("\u0000", "\uFFFD");
}

/** A JSON value (e.g. a header map) with every string in it, keys included, made storable. */
export function storableJson<T>(value: T): T {
  if (typeof value === "string") return storableText(value) as T;
  if (Array.isArray(value)) return value.map(storableJson) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableText(k), storableJson(v)])) as T;
  }
  return value;
}
