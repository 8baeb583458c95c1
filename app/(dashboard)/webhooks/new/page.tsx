import { CreateWebhook } from "@/components/webhook-form/create-webhook";

export const metadata = { title: "New webhook — HookRelay" };

export default function NewWebhookPage() {
  return <CreateWebhook />;
}
