import { z } from "zod";
import { contract } from "../contract";
import { MAX_BATCH_BYTES, MAX_EVENT_BYTES, SETTINGS_BODY_BYTES } from "../body-limits";
import {
  eventAcceptedSchema,
  eventBatchItemSchema,
  eventBatchSchema,
  eventIngestSchema,
  eventListQuery,
  eventReplayResultSchema,
  eventReplaySchema,
  eventViewSchema,
  liveEventMessageSchema,
  liveSnapshotQuery,
  operationalFeedItemSchema,
} from "../../validation/event";
import { deliverySchema } from "../../validation/delivery";
import { list, page } from "../../validation/paging";

const tag = "Events";

export const eventDetailSchema = eventViewSchema.extend({ delivery_list: z.array(deliverySchema) });

export const eventContracts = {
  ingest: contract({
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
    maxBytes: MAX_EVENT_BYTES,
    response: eventAcceptedSchema,
    status: 202,
    errors: [400, 413, 415, 422],
  }),
  batch: contract({
    method: "post",
    path: "/api/v1/events/batch",
    tag,
    summary: "Ingest up to 1,000 events at once (all or nothing)",
    description: "One invalid item rejects the request with 422 naming `events.<i>.<field>`; one that is a HookRelay delivery, with 403 `loop_detected`.",
    scope: "events:write",
    body: eventBatchSchema,
    maxBytes: MAX_BATCH_BYTES,
    response: list(eventBatchItemSchema),
    status: 202,
    errors: [400, 413, 415, 422],
  }),
  list: contract({
    method: "get",
    path: "/api/v1/events",
    tag,
    summary: "List events (newest first; filter by type — \"prefix.*\" allowed — and time range)",
    scope: "events:read",
    query: eventListQuery,
    response: page(eventViewSchema),
    status: 200,
    errors: [422],
  }),
  get: contract({
    method: "get",
    path: "/api/v1/events/{id}",
    tag,
    summary: "Get an event with its deliveries",
    scope: "events:read",
    response: eventDetailSchema,
    status: 200,
    errors: [404],
  }),
  replay: contract({
    method: "post",
    path: "/api/v1/events/{id}/replay",
    tag,
    summary: "Replay an event to every (or the chosen) webhooks",
    description: "No body: every endpoint subscribed to the event.",
    scope: "deliveries:write",
    body: eventReplaySchema,
    bodyOptional: true,
    maxBytes: SETTINGS_BODY_BYTES,
    response: eventReplayResultSchema,
    status: 202,
    errors: [400, 404, 413, 415, 422],
  }),
  liveSnapshot: contract({
    method: "get",
    path: "/api/v1/live/snapshot",
    tag,
    summary: "Recent scan, infringement and takedown events, oldest first (the live dashboard's starting point)",
    scope: "deliveries:read",
    query: liveSnapshotQuery,
    response: list(liveEventMessageSchema),
    status: 200,
    errors: [422],
  }),
  operational: contract({
    method: "get",
    path: "/api/v1/operational-events",
    tag,
    summary: "Recent operational events (endpoint.disabled/enabled, delivery.exhausted/recovered)",
    scope: "deliveries:read",
    response: list(operationalFeedItemSchema),
    status: 200,
  }),
  callbackSecret: contract({
    method: "get",
    path: "/api/v1/callback-secret",
    tag,
    summary: "Reveal the workspace's callback signing secret (per-event webhook_url deliveries)",
    description: "Needs webhooks:write: whoever holds the secret can forge callbacks.",
    scope: "webhooks:write",
    response: z.object({ secret: z.string() }),
    status: 200,
  }),
};
