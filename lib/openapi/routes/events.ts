import { z } from "zod";
import { eventAcceptedSchema, eventBatchSchema, eventIngestSchema, eventListQuery, eventReplaySchema, eventViewSchema } from "../../validation/event";
import { deliverySchema } from "../../validation/delivery";
import { anyObject, list, page } from "../common";
import type { ApiRoute } from "../types";

const tag = "Events";

// Mirror the TypeScript shapes of lib/events/ingest-batch.ts (BatchItemResult) and lib/events/replay.ts (EventReplayResult).
const batchItem = eventAcceptedSchema.extend({ index: z.number(), replayed: z.boolean() });
const replayResult = z.object({
  event_id: z.string(),
  resent: z.array(z.string()).describe("Existing deliveries that got a manual attempt"),
  created: z.array(z.string()).describe("Deliveries created for webhooks that had none"),
  skipped: z.array(z.object({ webhook_id: z.string(), reason: z.string() })),
});

export const eventRoutes: ApiRoute[] = [
  {
    method: "post",
    path: "/api/v1/events",
    tag,
    summary: "Ingest an event",
    description:
      "Fans the event out to every subscribed webhook. `Idempotency-Key` header (or `id`) makes a repeat return the original answer. " +
      "Custom event types with validate=true check `data` against their schema (422 with the failing paths). " +
      "A request that is a HookRelay delivery (its User-Agent, a delivered envelope, or `data` nesting envelopes more than 3 deep) is 403 `loop_detected`: no event can re-ingest itself in a loop.",
    scope: "events:write",
    body: eventIngestSchema,
    response: eventAcceptedSchema,
    status: 202,
    errors: [400, 413, 415, 422],
  },
  {
    method: "post",
    path: "/api/v1/events/batch",
    tag,
    summary: "Ingest up to 1,000 events at once (all or nothing)",
    description: "One invalid item rejects the request with 422 naming `events.<i>.<field>`; one that is a HookRelay delivery, with 403 `loop_detected`.",
    scope: "events:write",
    body: eventBatchSchema,
    response: list(batchItem),
    status: 202,
    errors: [400, 413, 415, 422],
    approximate: true,
  },
  {
    method: "get",
    path: "/api/v1/events",
    tag,
    summary: "List events (newest first; filter by type — \"prefix.*\" allowed — and time range)",
    scope: "events:read",
    query: eventListQuery,
    response: page(eventViewSchema),
    status: 200,
    errors: [422],
  },
  {
    method: "get",
    path: "/api/v1/events/{id}",
    tag,
    summary: "Get an event with its deliveries",
    scope: "events:read",
    response: eventViewSchema.extend({ delivery_list: z.array(deliverySchema) }),
    status: 200,
    errors: [404],
  },
  {
    method: "post",
    path: "/api/v1/events/{id}/replay",
    tag,
    summary: "Replay an event to every (or the chosen) webhooks",
    description: "No body: every endpoint subscribed to the event.",
    scope: "deliveries:write",
    body: eventReplaySchema,
    bodyOptional: true,
    response: replayResult,
    status: 202,
    errors: [400, 404, 413, 415, 422],
    approximate: true,
  },
  {
    method: "get",
    path: "/api/v1/live/snapshot",
    tag,
    summary: "Recent scan, infringement and takedown events (the live dashboard's starting point)",
    scope: "deliveries:read",
    query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(300) }),
    response: list(anyObject),
    status: 200,
    errors: [422],
    approximate: true,
  },
  {
    method: "get",
    path: "/api/v1/operational-events",
    tag,
    summary: "Recent operational events (endpoint.disabled/enabled, delivery.exhausted/recovered)",
    scope: "deliveries:read",
    response: anyObject,
    status: 200,
    approximate: true,
  },
];
