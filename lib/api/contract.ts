// One API operation, declared once: withWorkspace (./with-workspace.ts) checks its scope and
// reads, size-limits and parses its body and query with these schemas, and the OpenAPI
// document (lib/openapi/document.ts) is generated from the same object. Contracts live in
// ./contracts, one module per area; each route.ts imports the ones it serves.
import type { z } from "zod";
import type { Scope } from "./scopes";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

interface Operation {
  method: HttpMethod;
  /** OpenAPI path, params as `{id}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** null: public (no credentials). */
  scope: Scope | null;
  /** Only a dashboard session may call it (API keys: 403): workspaces and members are managed by people. */
  sessionOnly?: boolean;
  query?: z.ZodType;
  /** The success answer's JSON; none for 204 (and for the public openapi.json, which describes itself). */
  response?: z.ZodType;
  /** Success status; 204 has no body. */
  status: number;
  /** Error statuses besides the ones every authenticated route has (401, 403, 429, 500, 503). */
  errors?: readonly number[];
}

type WithBody = {
  body: z.ZodType;
  /** The body may be left out entirely (a bare POST): it is then parsed as `{}`. */
  bodyOptional?: boolean;
  /** The largest body read, in bytes (a constant of ./body-limits.ts). */
  maxBytes: number;
};
type WithoutBody = { body?: undefined; bodyOptional?: undefined; maxBytes?: undefined };

export type ApiContract = Operation & (WithBody | WithoutBody);

/** Declares a contract, keeping its schemas' own types for the route's handler. */
export const contract = <C extends ApiContract>(c: C): C => c;

/** What a route's handler gets from its contract. */
export type BodyOf<C> = C extends { body: infer B extends z.ZodType } ? z.output<B> : undefined;
export type QueryOf<C> = C extends { query: infer Q extends z.ZodType } ? z.output<Q> : undefined;
/** The JSON a contract's route answers with: what UI code receives. */
export type ResponseOf<C> = C extends { response: infer R extends z.ZodType } ? z.output<R> : undefined;
