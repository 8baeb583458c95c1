export const workspaceKeys = { all: ["workspaces"] as const, list: () => [...workspaceKeys.all, "list"] as const };
