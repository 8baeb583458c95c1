// What a user's enabling or disabling of a webhook sets in motion: the
// operational event, and on enabling, the deliveries it kept while disabled.
import { db } from "../db";
import { resumeDeliveries } from "../delivery/resume-deliveries";
import { emitOperationalEvent } from "../events/operational";

export async function afterStatusChange(
  workspaceId: string,
  id: string,
  status: "active" | "disabled",
  heldUntil: Date | null,
): Promise<void> {
  const endpoint = await db.endpoint.findUnique({ where: { id }, select: { url: true, updatedAt: true } });
  if (!endpoint) return;
  const at = endpoint.updatedAt;
  if (status === "active") {
    // Due now: whatever came due while disabled and whatever the circuit held;
    // retries scheduled for later keep their time.
    const now = new Date();
    const resumed = await resumeDeliveries(id, heldUntil && heldUntil > now ? heldUntil : now);
    await emitOperationalEvent(
      workspaceId,
      "endpoint.enabled",
      { webhook_id: id, url: endpoint.url, enabled_at: at.toISOString(), resumed_deliveries: resumed },
      `${id}:${at.getTime()}`,
    );
  } else {
    const pending = await db.delivery.count({ where: { endpointId: id, status: { in: ["pending", "sending"] } } });
    await emitOperationalEvent(
      workspaceId,
      "endpoint.disabled",
      { webhook_id: id, url: endpoint.url, reason: "disabled by user", disabled_at: at.toISOString(), pending_deliveries: pending },
      `${id}:${at.getTime()}`,
    );
  }
}
