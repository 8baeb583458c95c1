"use client";
import type { FormEvent } from "react";
import type { Role } from "@/components/workspaces/api";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
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
      <Field compact label="Invite by email" className="w-64">
        <Input name="email" type="email" required />
      </Field>
      <Field compact label="Role">
        <Select name="role" defaultValue="viewer">
          <option value="viewer">viewer</option>
          <option value="admin">admin</option>
          <option value="owner">owner</option>
        </Select>
      </Field>
      <Button type="submit" variant="primary" disabled={invite.isPending}>
        Send invitation
      </Button>
      {invite.error ? (
        <p role="alert" className="w-full text-sm text-rose-700">
          {invite.error.message}
        </p>
      ) : null}
    </form>
  );
}
