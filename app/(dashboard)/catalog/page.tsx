import { EventCatalog } from "@/components/catalog/event-catalog";

export const metadata = { title: "Event catalog — HookRelay" };

export default function CatalogPage() {
  return <EventCatalog />;
}
