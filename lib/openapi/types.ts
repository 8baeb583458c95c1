// One entry per (method, path) under /api/v1: what the OpenAPI document and
// the API reference page are built from. Schemas are the zod schemas the
// routes parse with (or, where a route keeps its schema private, a minimal
// stand-in marked `approximate`).
import type { z } from "zod";
import type { Scope } from "../api/scopes";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

export interface ApiRoute {
  method: HttpMethod;
  /** OpenAPI path, params as `{id}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** null: public (no credentials). */
  scope: Scope | null;
  body?: z.ZodType;
  /** The body may be omitted entirely (e.g. a bare POST). */
  bodyOptional?: boolean;
  query?: z.ZodType;
  response?: z.ZodType;
  /** Success status; 204 has no body. */
  status: number;
  /** Error statuses besides the ones every authenticated route has (401, 403, 429, 500). */
  errors?: number[];
  /** The schema is a stand-in: the route does not export the one it uses. */
  approximate?: boolean;
}
