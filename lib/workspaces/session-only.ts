// Workspace and member management acts on people, not data: it needs a signed-in
// user. API keys belong to one workspace and must not create others or change who
// has access, so these routes refuse them outright (403 with a clear reason).
import { ApiError } from "../api/errors";
import type { SessionContext, WorkspaceContext } from "../api/with-workspace";

export function requireSession(ctx: WorkspaceContext): asserts ctx is SessionContext {
  if (ctx.via !== "session" || !ctx.userId) {
    throw new ApiError("forbidden", "This route needs a dashboard session; API keys cannot manage workspaces or members");
  }
}
