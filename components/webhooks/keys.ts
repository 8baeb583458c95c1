// Query keys for webhooks, built in one place so that invalidating `all` after
// a mutation reaches the list and every cached detail.
export const webhookKeys = {
  all: ["webhooks"] as const,
  // The API lists every webhook of the workspace; there are no filters to key on yet.
  list: () => [...webhookKeys.all, "list"] as const,
  detail: (id: string) => [...webhookKeys.all, "detail", id] as const,
  // Under detail(id), so invalidating a webhook's detail refreshes its stats and logs too.
  stats: (id: string, windowHours: number) => [...webhookKeys.detail(id), "stats", windowHours] as const,
  logs: (id: string) => [...webhookKeys.detail(id), "logs"] as const,
};
