// Pending invitations of the active workspace (session only, like members).
import { withWorkspace } from "@/lib/api/with-workspace";
import { tenancyContracts as api } from "@/lib/api/contracts/tenancy";
import { listInvitations } from "@/lib/workspaces/invitations";

export const GET = withWorkspace(api.listInvitations, async ({ ctx }) => ({ data: await listInvitations(ctx.workspaceId) }));
