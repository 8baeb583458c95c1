// How many bytes of JSON body each route reads, by what it takes. Every contract with a body
// names one of these (lib/api/contracts); server.ts's cap while the bytes stream in
// (lib/http/body-limit.ts) is the outer bound and never smaller.
const KB = 1024;

/** A name, a token, a role, a workspace id: a few short fields. */
export const SMALL_BODY_BYTES = 4 * KB;
/** An API key's name and scopes; a recover time range. */
export const FORM_BODY_BYTES = 16 * KB;
/** A webhook's settings (URL, events, filter, headers, policy); an event replay's webhook list. */
export const SETTINGS_BODY_BYTES = 64 * KB;
/** One event (alone, in a batch, or a test send); an event type with its JSON Schema; up to 1,000 delivery ids. */
export const MAX_EVENT_BYTES = 256 * KB;
/** A batch: 1,000 events of a few KB each (each still at most MAX_EVENT_BYTES). */
export const MAX_BATCH_BYTES = 8 * 1024 * KB;
