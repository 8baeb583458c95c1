import { EditWebhook } from "@/components/webhook-form/edit-webhook";

export const metadata = { title: "Edit webhook — HookRelay" };

export default async function EditWebhookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <EditWebhook id={id} />;
}
