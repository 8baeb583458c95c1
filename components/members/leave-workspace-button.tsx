"use client";
import { useLeaveWorkspace } from "./use-members";

/** Every role can leave; the API refuses (409) when the user is the last owner, and the error shows. */
export function LeaveWorkspaceButton() {
  const leave = useLeaveWorkspace();
  return (
    <div className="flex items-center justify-end gap-3 border-t border-slate-200 px-4 py-3">
      <button
        type="button"
        disabled={leave.isPending}
        onClick={() => {
          if (window.confirm("Leave this workspace? You will need a new invitation to come back.")) leave.mutate();
        }}
        className="rounded-md border border-rose-300 px-3 py-1.5 text-sm font-medium text-rose-700 hover:bg-rose-50 disabled:opacity-70"
      >
        Leave workspace
      </button>
    </div>
  );
}
