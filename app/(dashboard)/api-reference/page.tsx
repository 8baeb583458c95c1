import { ApiReference } from "@/components/api-reference/api-reference";
import type { OpenApiDoc } from "@/components/api-reference/types";
import { openApiDocument } from "@/lib/openapi/document";

export const metadata = { title: "API reference — HookRelay" };

// The same document /api/v1/openapi.json serves, rendered on the server.
export default function ApiReferencePage() {
  return <ApiReference doc={openApiDocument() as unknown as OpenApiDoc} />;
}
