import { LiveDashboard } from "@/components/live/live-dashboard";

export const metadata = { title: "Live — HookRelay" };

export default function LivePage() {
  return <LiveDashboard />;
}
