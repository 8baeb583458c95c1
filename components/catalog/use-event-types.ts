"use client";
import { useQuery } from "@tanstack/react-query";
import type { EventTypeDto } from "@/lib/catalog/schemas";
import { fetchJson } from "@/components/api/fetch-json";

export const eventTypeKeys = { all: ["event-types"] as const, list: () => [...eventTypeKeys.all, "list"] as const };

export const useEventTypes = () =>
  useQuery({
    queryKey: eventTypeKeys.list(),
    queryFn: ({ signal }) => fetchJson<{ data: EventTypeDto[] }>("/api/v1/event-types", { signal }).then((b) => b.data),
    staleTime: 60_000,
  });
