// Shapes every list shares: `{ data: [...] }`, cursor pages and their query.
import { z } from "zod";

export const list = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item) });
export const page = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), next_cursor: z.string().nullable() });

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().optional(),
});
