// Lists refresh by polling until the Socket.IO live feed replaces it; one
// constant so every list moves to the feed (or a new interval) together.
export const POLL_INTERVAL_MS = 5_000;
