import { DeadLetterPanel } from "@/components/dead-letter/dead-letter-panel";

export const metadata = { title: "Dead-letter queue — HookRelay" };

export default function DeadLetterPage() {
  return <DeadLetterPanel />;
}
