"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { POLL_INTERVAL_MS } from "@/components/api/polling";
import { deliveryKeys } from "@/components/api/delivery-keys";
import { fetchDeliveryDetail, fetchDeliveryLog, replayDelivery, type LogFilters } from "./api";

export const useDeliveryLog = (f: LogFilters) =>
  useQuery({ queryKey: deliveryKeys.log(f), queryFn: ({ signal }) => fetchDeliveryLog(f, signal), refetchInterval: POLL_INTERVAL_MS, placeholderData: keepPreviousData });

export const useDeliveryDetail = (id: string | null) =>
  useQuery({ queryKey: deliveryKeys.detail(id ?? ""), queryFn: ({ signal }) => fetchDeliveryDetail(id!, signal), enabled: !!id, refetchInterval: POLL_INTERVAL_MS });

export function useReplayDelivery() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: replayDelivery, meta: { errorTitle: "Replay refused", success: "Replay queued" }, onSettled: () => qc.invalidateQueries({ queryKey: deliveryKeys.all }) });
}
