// The parts of an OpenAPI operation the reference page reads.
interface Media {
  content?: Record<string, { schema?: unknown }>;
}

export interface Operation {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  "x-scope": string | null;
  parameters?: { name: string; in: string; required: boolean; schema: unknown }[];
  requestBody?: Media & { required?: boolean };
  responses: Record<string, Media & { $ref?: string }>;
}

export interface OpenApiDoc {
  info: { title: string; version: string; description?: string };
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
}
