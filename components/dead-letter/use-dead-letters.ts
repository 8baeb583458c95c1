"use client";
import { useQuery } from "@tanstack/react-query";
import { POLL_INTERVAL_MS } from "@/components/api/polling";
import { fetchDeadLetters } from "./api";
import { deadLetterKeys } from "./keys";

export function useDeadLetters() {
  return useQuery({ queryKey: deadLetterKeys.list(), queryFn: ({ signal }) => fetchDeadLetters(signal), refetchInterval: POLL_INTERVAL_MS });
}
