import { withWorkspace, json } from "@/lib/api/with-workspace";
import { eventContracts as api } from "@/lib/api/contracts/events";
import { listEvents } from "@/lib/events/list";
import { ingestEvent } from "@/lib/events/ingest";
import { ApiError } from "@/lib/api/errors";
import { headerText } from "@/lib/api/request-input";
import { urlProblem } from "@/lib/delivery/ssrf";
import { validateEventPayload } from "@/lib/catalog/validate";
import { refuseDeliveryLoops } from "@/lib/events/loop-guard";

export const POST = withWorkspace(
  api.ingest,
  async ({ req, ctx, body }) => {
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
    const res = json(accepted, api.ingest.status);
    if (replayed) res.headers.set("idempotent-replayed", "true");
    return res;
  },
  // A delivery of ours sent back to ingest is refused as such, whatever its shape.
  { beforeParse: (raw, req) => refuseDeliveryLoops(req.headers, [raw]) },
);

export const GET = withWorkspace(api.list, async ({ ctx, query }) => listEvents(ctx.workspaceId, query));
