import { z } from "zod";
import { ALL_SCOPES } from "../api/scopes";

export const apiKeyCreateSchema = z.strictObject({
  name: z.string().trim().min(1, "name must not be empty").max(100),
  scopes: z.array(z.enum(ALL_SCOPES)).min(1, "a key needs at least one scope").max(ALL_SCOPES.length).optional(),
});

/** A key as listed: never the key itself, only what tells keys apart. */
export const apiKeyViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(ALL_SCOPES)),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});
export type ApiKeyView = z.output<typeof apiKeyViewSchema>;

/** The answer to creating a key: the only one that holds the full key. */
export const apiKeyCreatedSchema = apiKeyViewSchema.pick({ id: true, name: true, prefix: true, scopes: true }).extend({ key: z.string() });
export type ApiKeyCreated = z.output<typeof apiKeyCreatedSchema>;
