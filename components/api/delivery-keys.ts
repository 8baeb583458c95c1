// Query keys for every delivery query: the dashboard's recent deliveries, the
// delivery log and its detail view. Invalidating `all` (after a replay or a
// dead-letter retry) refreshes each of them; filters are part of a list's key so
// each filtered list is cached on its own.
export const deliveryKeys = {
  all: ["deliveries"] as const,
  lists: () => [...deliveryKeys.all, "list"] as const,
  list: (filters: object) => [...deliveryKeys.lists(), filters] as const,
  /** The delivery log's filtered lists (its filters and page size differ from the recent list's). */
  log: (filters: object) => [...deliveryKeys.all, "log", filters] as const,
  detail: (id: string) => [...deliveryKeys.all, "detail", id] as const,
};
