"use client";
import type { UseMutationResult } from "@tanstack/react-query";
import type { FormEvent } from "react";
import type { WorkspaceView } from "./api";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";

interface Props {
  mutation: UseMutationResult<WorkspaceView, Error, string>;
  onDone: () => void;
}

export function CreateWorkspaceForm({ mutation, onDone }: Props) {
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    if (name) mutation.mutate(name, { onSuccess: onDone });
  }
  return (
    <form onSubmit={onSubmit} className="flex items-center gap-2">
      <label htmlFor="new-workspace-name" className="sr-only">
        New workspace name
      </label>
      <Input id="new-workspace-name" name="name" required maxLength={80} autoFocus placeholder="Workspace name" className="w-44" />
      <Button type="submit" variant="primary" disabled={mutation.isPending}>
        Create
      </Button>
      <Button variant="link" onClick={onDone} className="text-sm">
        Cancel
      </Button>
      {mutation.error ? (
        <span role="alert" className="text-xs text-rose-700">
          {mutation.error.message}
        </span>
      ) : null}
    </form>
  );
}
