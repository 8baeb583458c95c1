// What an API key may do. Pure data, shared by the API and the dashboard.
export const ALL_SCOPES = [
  "webhooks:read",
  "webhooks:write",
  "events:read",
  "events:write",
  "deliveries:read",
  "deliveries:write",
  "api_keys:read",
  "api_keys:write",
  "members:read",
  "members:write",
] as const;
export type Scope = (typeof ALL_SCOPES)[number];

/** A signed-in user's scopes are their role's: owners and admins hold every one, viewers the read ones. */
export function roleScopes(role: "owner" | "admin" | "viewer"): readonly Scope[] {
  return role === "viewer" ? ALL_SCOPES.filter((s) => s.endsWith(":read")) : ALL_SCOPES;
}
