// What an HTTP result means for the delivery (Standard Webhooks advice + the compatible platforms' guides):
// 2xx success; 3xx failure (redirects are not followed); 4xx permanent except
// 408 / 425 / 429; 5xx, timeouts and network errors are retried.
export type Outcome = "success" | "retry" | "permanent";

const RETRYABLE_4XX = new Set([408, 425, 429]);

export function classify(status: number | null): Outcome {
  if (status === null) return "retry"; // no response: timeout, DNS, connection, TLS
  if (status >= 200 && status < 300) return "success";
  if (status >= 400 && status < 500 && !RETRYABLE_4XX.has(status)) return "permanent";
  return "retry";
}

/** Like classify, but a destination refused by the SSRF guard is permanent: waiting won't unblock it. */
export function classifyResult(result: { status: number | null; blocked?: boolean }): Outcome {
  return result.blocked ? "permanent" : classify(result.status);
}
