export const operationalEventKeys = {
  all: ["operational-events"] as const,
  list: () => [...operationalEventKeys.all, "list"] as const,
};
