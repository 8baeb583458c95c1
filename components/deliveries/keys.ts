// Query keys for deliveries; filters are part of the key so each filtered list
// is cached on its own and `lists()` invalidates them all.
import type { DeliveryFilters } from "./api";

export const deliveryKeys = {
  all: ["deliveries"] as const,
  lists: () => [...deliveryKeys.all, "list"] as const,
  list: (filters: DeliveryFilters) => [...deliveryKeys.lists(), filters] as const,
  detail: (id: string) => [...deliveryKeys.all, "detail", id] as const,
};
