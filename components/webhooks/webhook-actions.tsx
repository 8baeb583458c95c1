"use client";
import type { Webhook } from "@/lib/validation/webhook";
import { TestSendResultView } from "./test-send-result";
import { useSendTest } from "./use-send-test";
import { useSetWebhookStatus } from "./use-set-webhook-status";
import { TestPayloadPicker } from "./test-payload-picker";
import { Button } from "@/components/ui/button";

/** Enable / disable and "Send test", with the test's answer shown right below. */
export function WebhookActions({ webhook }: { webhook: Webhook }) {
  const status = useSetWebhookStatus(webhook.id);
  const test = useSendTest(webhook.id);
  const busy = status.isPending;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        {webhook.status === "active" ? (
          <Button disabled={busy} onClick={() => status.mutate("disable")}>
            {busy ? "Disabling…" : "Disable"}
          </Button>
        ) : (
          <Button disabled={busy} onClick={() => status.mutate("enable")}>
            {busy ? "Enabling…" : "Enable"}
          </Button>
        )}
        <Button variant="primary" disabled={test.isPending} onClick={() => test.mutate(undefined)}>
          {test.isPending ? "Sending…" : "Send test"}
        </Button>
      </div>
      <TestPayloadPicker busy={test.isPending} onSend={(body) => test.mutate(body)} />
      {test.data ? <TestSendResultView result={test.data} /> : null}
    </div>
  );
}
