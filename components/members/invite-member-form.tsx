"use client";
import type { FormEvent } from "react";
import type { Role } from "@/components/workspaces/api";
import { useInviteMember } from "./use-members";

// People join by accepting an emailed invitation; the answer is the same whether or not
// the address has an account yet.
export function InviteMemberForm() {
  const invite = useInviteMember();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    invite.mutate(
      { email: String(form.get("email") ?? "").trim(), role: String(form.get("role")) as Role },
      { onSuccess: () => formEl.reset() },
    );
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2 border-b border-slate-200 px-4 py-3">
      <div>
        <label htmlFor="member-email" className="block text-xs font-medium text-slate-600">
          Invite by email
        </label>
        <input id="member-email" name="email" type="email" required className="mt-1 w-64 rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
      </div>
      <div>
        <label htmlFor="member-role" className="block text-xs font-medium text-slate-600">
          Role
        </label>
        <select id="member-role" name="role" defaultValue="viewer" className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
          <option value="viewer">viewer</option>
          <option value="admin">admin</option>
          <option value="owner">owner</option>
        </select>
      </div>
      <button type="submit" disabled={invite.isPending} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-70">
        Send invitation
      </button>
      {invite.error ? (
        <p role="alert" className="w-full text-sm text-rose-700">
          {invite.error.message}
        </p>
      ) : null}
    </form>
  );
}
