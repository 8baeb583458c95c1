import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";
import { config } from "@/lib/config";

const handler = toNextJsHandler(auth);

// better-auth refuses a page from an untrusted origin with a bare "Invalid origin"; the
// usual cause is opening the app by another address than APP_URL, so name the one to use.
async function explainInvalidOrigin(res: Response, req: Request): Promise<Response> {
  if (res.status !== 403) return res;
  const body = (await res.clone().json().catch(() => null)) as { code?: string } | null;
  if (body?.code !== "INVALID_ORIGIN") return res;
  const app = new URL(config().APP_URL).origin;
  const message = `This page's address (${req.headers.get("origin") ?? "unknown"}) is not the app's: open HookRelay at ${app}, or set APP_URL to the address you use`;
  return Response.json({ ...body, message }, { status: 403 });
}

export const GET = handler.GET;
export const POST = async (req: Request) => explainInvalidOrigin(await handler.POST(req), req);
