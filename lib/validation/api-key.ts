import { z } from "zod";
import { ALL_SCOPES } from "../api/scopes";

export const apiKeyCreateSchema = z.strictObject({
  name: z.string().trim().min(1, "name must not be empty").max(100),
  scopes: z.array(z.enum(ALL_SCOPES)).min(1, "a key needs at least one scope").max(ALL_SCOPES.length).optional(),
});
