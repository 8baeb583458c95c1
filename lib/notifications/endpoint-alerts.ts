// Emails to a workspace's owners and admins when its webhooks are in trouble
// (the AI Social Media Platform: "the webhook will be marked as failed and you'll receive an email
// notification"): a delivery that used up its retries, an endpoint disabled.
import { config } from "../config";
import { logger } from "../logger";
import { readyRedis } from "../redis";
import { sendMail } from "./mailer";
import { workspaceAdminEmails } from "./recipients";

export interface ExhaustedInfo {
  workspaceId: string;
  deliveryId: string;
  eventId: string;
  eventType: string;
  webhookId: string;
  url: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
}

export interface DisabledInfo {
  workspaceId: string;
  webhookId: string;
  url: string;
  reason: string;
  pendingDeliveries: number;
}

const dashboard = (path: string) => `${config().APP_URL.replace(/\/$/, "")}${path}`;

export async function notifyDeliveryExhausted(d: ExhaustedInfo): Promise<boolean> {
  const to = await workspaceAdminEmails(d.workspaceId);
  if (to.length === 0) return false;
  const interval = config().NOTIFY_EXHAUSTED_EMAIL_INTERVAL_SEC;
  // An outage fails many deliveries at once; one email per endpoint and interval says it.
  if (interval > 0 && !(await firstInWindow(`exhausted:${d.webhookId}`, interval))) return false;
  const outcome = d.lastStatus !== null ? `HTTP ${d.lastStatus}` : (d.lastError ?? "no response");
  const text = [
    `A webhook delivery failed after ${d.attempts} attempt${d.attempts === 1 ? "" : "s"} and will not be retried.`,
    "",
    `Endpoint:   ${d.url} (${d.webhookId})`,
    `Event:      ${d.eventType} (${d.eventId})`,
    `Delivery:   ${d.deliveryId}`,
    `Last result: ${outcome}${d.lastError && d.lastStatus !== null ? ` — ${d.lastError}` : ""}`,
    "",
    "It is in the dead-letter list, where it can be retried once the endpoint works again:",
    dashboard("/"),
    interval > 0 ? `\nFurther failed deliveries to this endpoint in the next ${humanize(interval)} are not emailed.` : "",
  ].join("\n");
  return sendMail({ to, subject: `[HookRelay] Webhook delivery failed: ${d.eventType} → ${d.url}`, text });
}

export async function notifyEndpointDisabled(d: DisabledInfo): Promise<boolean> {
  const to = await workspaceAdminEmails(d.workspaceId);
  if (to.length === 0) return false;
  const text = [
    "A webhook endpoint was disabled and receives no deliveries until it is enabled again.",
    "",
    `Endpoint: ${d.url} (${d.webhookId})`,
    `Reason:   ${d.reason}`,
    `Pending deliveries kept: ${d.pendingDeliveries} (they are sent when the endpoint is enabled again)`,
    "",
    `Enable it in the dashboard (${dashboard("/")}) or with PATCH /api/v1/webhooks/${d.webhookId} {"status":"active"}.`,
  ].join("\n");
  return sendMail({ to, subject: `[HookRelay] Webhook endpoint disabled: ${d.url}`, text });
}

/** True for the first caller of `key` in `seconds`, across processes. Redis down: true (better one email too many). */
async function firstInWindow(key: string, seconds: number): Promise<boolean> {
  try {
    const set = await (await readyRedis(1000)).set(`${config().QUEUE_PREFIX}:notify:${key}`, "1", "EX", Math.ceil(seconds), "NX");
    return set === "OK";
  } catch (err) {
    logger.warn({ err }, "notification throttle unavailable; sending anyway");
    return true;
  }
}

function humanize(sec: number): string {
  if (sec % 3600 === 0) return `${sec / 3600} hour${sec === 3600 ? "" : "s"}`;
  if (sec % 60 === 0) return `${sec / 60} minutes`;
  return `${sec} seconds`;
}
