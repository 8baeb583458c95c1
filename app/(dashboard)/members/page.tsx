import { MembersPanel } from "@/components/members/members-panel";

export const metadata = { title: "Members — HookRelay" };

export default function MembersPage() {
  return <MembersPanel />;
}
