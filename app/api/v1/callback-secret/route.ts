import { withWorkspace } from "@/lib/api/with-workspace";
import { eventContracts as api } from "@/lib/api/contracts/events";
import { callbackSecret } from "@/lib/events/callback-endpoint";

// Revealing a signing secret lets its holder forge callbacks: write scope, like rotating it would.
export const GET = withWorkspace(api.callbackSecret, async ({ ctx }) => ({ secret: await callbackSecret(ctx.workspaceId) }));
