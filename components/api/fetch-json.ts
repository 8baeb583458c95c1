// The one way the dashboard calls its own API: same-origin (the session cookie
// authenticates), never cached, and the API's { error: { code, message } }
// envelope turned into an Error whose message can be shown to the user as is.
// A JSON body goes in `json`; fetchJson encodes it and labels its content type.

export class ApiRequestError extends Error {
  constructor(
    message: string,
    /** HTTP status; 0 when the server could not be reached at all. */
    readonly status: number,
    readonly code?: string,
    /** Field-level problems of a 422: `{ path, message }` each. */
    readonly details?: Array<{ path: string; message: string }>,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

export interface FetchJsonInit extends Omit<RequestInit, "body" | "headers"> {
  /** Sent as the JSON request body (with its content-type); leave out for requests without a body. */
  json?: unknown;
  headers?: Record<string, string>;
}

export async function fetchJson<T>(path: string, { json, headers, ...init }: FetchJsonInit = {}): Promise<T> {
  const body = json === undefined ? undefined : JSON.stringify(json);
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      body,
      credentials: "same-origin",
      cache: "no-store",
      headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    });
  } catch (err) {
    // React Query aborts superseded requests; that is not a failure to report.
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiRequestError("Could not reach the HookRelay server. Check your connection.", 0);
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T; // no content (e.g. DELETE)
  return (await res.json()) as T;
}

async function toApiError(res: Response): Promise<ApiRequestError> {
  // The API's own 401 text talks about API keys; in the dashboard it means the session ended.
  if (res.status === 401) {
    return new ApiRequestError("Your session has ended. Sign in again.", 401, "unauthorized");
  }
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; details?: unknown } };
    const details = Array.isArray(body.error?.details) ? (body.error.details as Array<{ path: string; message: string }>) : undefined;
    if (body.error?.message) return new ApiRequestError(body.error.message, res.status, body.error.code, details);
  } catch {
    // Not our JSON envelope (a proxy's HTML error page, say): fall through.
  }
  return new ApiRequestError(`Request failed with HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""}`, res.status);
}
