import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/openapi/document";
import { errorResponse } from "@/lib/api/errors";

// Public: the API's description is no secret, and tools fetch it without keys.
export const GET = async () => {
  try {
    return NextResponse.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
  } catch (error) {
    return errorResponse(error);
  }
};
