"use client";
import { useQuery } from "@tanstack/react-query";
import { POLL_INTERVAL_MS } from "@/components/api/polling";
import { fetchOperationalEvents } from "./api";
import { operationalEventKeys } from "./keys";

export function useOperationalEvents() {
  return useQuery({
    queryKey: operationalEventKeys.list(),
    queryFn: ({ signal }) => fetchOperationalEvents(signal),
    refetchInterval: POLL_INTERVAL_MS,
  });
}
