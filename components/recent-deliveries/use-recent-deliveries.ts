"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { POLL_INTERVAL_MS } from "@/components/api/polling";
import { fetchDeliveries, type DeliveryFilters } from "./api";
import { deliveryKeys } from "@/components/api/delivery-keys";

/** The newest deliveries (first page only), kept fresh by polling. */
export function useRecentDeliveries(filters: DeliveryFilters = { limit: 50 }) {
  return useQuery({
    queryKey: deliveryKeys.list(filters),
    queryFn: ({ signal }) => fetchDeliveries(filters, signal),
    refetchInterval: POLL_INTERVAL_MS,
    // Switching filters keeps the old rows on screen instead of flashing "Loading".
    placeholderData: keepPreviousData,
  });
}
