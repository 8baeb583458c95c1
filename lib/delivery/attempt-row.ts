// The Attempt row for one request and its result: the same shape whether the
// worker, a batch or a test-send made the request.
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
    requestUrl: a.request.url,
    requestHeaders: loggedHeaders(a.request),
    requestBody: a.request.body,
    responseStatus: a.result.status,
    responseHeaders: a.result.headers ?? undefined,
    responseBody: a.result.body,
    durationMs: a.result.durationMs,
    error: a.result.error,
    createdAt: a.startedAt,
  };
}
