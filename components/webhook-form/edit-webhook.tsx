"use client";
// Edit an existing webhook with the same form that creates one; saving goes
// back to the webhook's page.
import { useRouter } from "next/navigation";
import { ErrorState, LoadingState } from "@/components/ui/query-states";
import { TextLink } from "@/components/ui/text-link";
import { useWebhook } from "@/components/webhooks/use-webhook";
import { useWriteAccess } from "@/components/workspaces/use-workspaces";
import { ViewerNotice } from "./viewer-notice";
import { WebhookForm } from "./webhook-form";

export function EditWebhook({ id }: { id: string }) {
  const query = useWebhook(id);
  const router = useRouter();
  const access = useWriteAccess();
  const detail = `/webhooks/${encodeURIComponent(id)}`;
  if (query.isPending || access.pending) return <LoadingState>Loading webhook…</LoadingState>;
  if (query.isLoadingError) return <ErrorState title="Could not load the webhook" error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <div className="space-y-4">
      <TextLink href={detail} className="text-sm">
        ← Back to the webhook
      </TextLink>
      {access.canWrite ? <WebhookForm webhook={query.data} onSaved={() => router.push(detail)} /> : <ViewerNotice action="edit webhooks" />}
    </div>
  );
}
