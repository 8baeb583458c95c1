"use client";
import type { Webhook } from "@/lib/validation/webhook";
import { TestSendResultView } from "./test-send-result";
import { useSendTest } from "./use-send-test";
import { useSetWebhookStatus } from "./use-set-webhook-status";
import { TestPayloadPicker } from "./test-payload-picker";

const BUTTON = "rounded-md border px-3 py-1.5 text-sm font-medium shadow-sm disabled:cursor-not-allowed disabled:opacity-50";

/** Enable / disable and "Send test", with the test's answer shown right below. */
export function WebhookActions({ webhook }: { webhook: Webhook }) {
  const status = useSetWebhookStatus(webhook.id);
  const test = useSendTest(webhook.id);
  const busy = status.isPending;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        {webhook.status === "active" ? (
          <button type="button" disabled={busy} onClick={() => status.mutate("disable")} className={`${BUTTON} border-slate-300 bg-white text-slate-700 hover:bg-slate-50`}>
            {busy ? "Disabling…" : "Disable"}
          </button>
        ) : (
          <button type="button" disabled={busy} onClick={() => status.mutate("enable")} className={`${BUTTON} border-emerald-600 bg-emerald-600 text-white hover:bg-emerald-700`}>
            {busy ? "Enabling…" : "Enable"}
          </button>
        )}
        <button type="button" disabled={test.isPending} onClick={() => test.mutate(undefined)} className={`${BUTTON} border-indigo-600 bg-indigo-600 text-white hover:bg-indigo-700`}>
          {test.isPending ? "Sending…" : "Send test"}
        </button>
      </div>
      <TestPayloadPicker busy={test.isPending} onSend={(body) => test.mutate(body)} />
      {test.data ? <TestSendResultView result={test.data} /> : null}
    </div>
  );
}
