import { DeliveryLog } from "@/components/delivery-log/delivery-log";

export const metadata = { title: "Delivery log — HookRelay" };

export default function DeliveriesPage() {
  return <DeliveryLog />;
}
