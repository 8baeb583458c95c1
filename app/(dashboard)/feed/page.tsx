import { EventFeed } from "@/components/event-feed/event-feed";

export const metadata = { title: "Event feed — HookRelay" };

export default function FeedPage() {
  return <EventFeed />;
}
