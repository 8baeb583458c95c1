import { withWorkspace, readJson, json } from "@/lib/api/with-workspace";
import { eventIngestSchema, eventListQuery, MAX_EVENT_BYTES } from "@/lib/validation/event";
import { listEvents } from "@/lib/events/list";
import { ingestEvent } from "@/lib/events/ingest";
import { ApiError } from "@/lib/api/errors";
import { headerText } from "@/lib/api/request-input";
import { urlProblem } from "@/lib/delivery/ssrf";
import { validateEventPayload } from "@/lib/catalog/validate";
import { refuseDeliveryLoops } from "@/lib/events/loop-guard";

export const POST = withWorkspace(
  async (req, ctx) => {
    const raw = await readJson(req, MAX_EVENT_BYTES);
    refuseDeliveryLoops(req.headers, [raw]);
    const body = eventIngestSchema.parse(raw);
    const headerKey = headerText(req, "idempotency-key")?.trim();
    if (headerKey !== undefined && (headerKey.length === 0 || headerKey.length > 255)) {
      throw new ApiError("validation_failed", "Idempotency-Key must be 1–255 characters");
    }
    const blocked = body.webhook_url ? urlProblem(body.webhook_url) : null;
    if (blocked) throw new ApiError("validation_failed", `webhook_url: ${blocked}`, [{ path: "webhook_url", message: blocked }]);
    await validateEventPayload(ctx.workspaceId, (body.event ?? body.type)!, body.data);
    const { accepted, replayed } = await ingestEvent(ctx.workspaceId, {
      type: (body.event ?? body.type)!,
      data: body.data,
      idempotencyKey: headerKey || body.id,
      callbackUrl: body.webhook_url,
    });
    // A replayed idempotency key gets the original answer; the header says so.
    const res = json(accepted, 202);
    if (replayed) res.headers.set("idempotent-replayed", "true");
    return res;
  },
  { scope: "events:write" },
);

export const GET = withWorkspace(
  async (req, ctx) => json(await listEvents(ctx.workspaceId, eventListQuery.parse(Object.fromEntries(req.nextUrl.searchParams)))),
  { scope: "events:read" },
);
