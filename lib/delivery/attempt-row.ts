// The Attempt row for one request and its result: the same shape whether the
// worker, a batch or a test-send made the request. Every string in it came
// from outside (the receiver's answer, the endpoint's URL and headers, error
// text quoting them) and is made storable here (lib/db-text.ts).
import { storableJson, storableText } from "../db-text";
import { newId } from "../ids";
import type { Prisma } from "../db";
import { loggedHeaders, type OutgoingRequest } from "./build-request";
import type { SendResult } from "./http-sender";

export function attemptRow(a: {
  workspaceId: string;
  deliveryId: string;
  number: number;
  trigger: "scheduled" | "manual" | "test";
  request: OutgoingRequest;
  result: SendResult;
  startedAt: Date;
}): Prisma.AttemptCreateManyInput {
  return {
    id: newId("att"),
    workspaceId: a.workspaceId,
    deliveryId: a.deliveryId,
    number: a.number,
    trigger: a.trigger,
    requestUrl: storableText(a.request.url),
    requestHeaders: storableJson(loggedHeaders(a.request)),
    requestBody: storableText(a.request.body),
    responseStatus: a.result.status,
    responseHeaders: a.result.headers ? storableJson(a.result.headers) : undefined,
    responseBody: storableText(a.result.body),
    durationMs: a.result.durationMs,
    error: storableText(a.result.error),
    createdAt: a.startedAt,
  };
}

/** The delivery's `lastError` after this result: the transport error, else the failing status. */
export function lastErrorOf(result: SendResult, success: boolean): string | null {
  return storableText(result.error) ?? (success ? null : `HTTP ${result.status}`);
}
