// Lists of deliveries, dead letters and operational events refresh by polling:
// the live feed carries events, not delivery status changes. One constant so
// every list changes interval together.
export const POLL_INTERVAL_MS = 5_000;
