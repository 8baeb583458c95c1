"use client";
import { useLeaveWorkspace } from "./use-members";
import { Button } from "@/components/ui/button";

/** Every role can leave; the API refuses (409) when the user is the last owner, and the error shows. */
export function LeaveWorkspaceButton() {
  const leave = useLeaveWorkspace();
  return (
    <div className="flex items-center justify-end gap-3 border-t border-slate-200 px-4 py-3">
      <Button
        variant="danger"
        disabled={leave.isPending}
        onClick={() => {
          if (window.confirm("Leave this workspace? You will need a new invitation to come back.")) leave.mutate();
        }}
      >
        Leave workspace
      </Button>
    </div>
  );
}
