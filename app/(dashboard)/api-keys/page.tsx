import { ApiKeysPanel } from "@/components/api-keys/api-keys-panel";

export const metadata = { title: "API keys — HookRelay" };

export default function ApiKeysPage() {
  return <ApiKeysPanel />;
}
