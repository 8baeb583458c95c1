"use client";
import type { UseMutationResult } from "@tanstack/react-query";
import type { FormEvent } from "react";
import type { WorkspaceView } from "./api";

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
      <input
        id="new-workspace-name"
        name="name"
        required
        maxLength={80}
        autoFocus
        placeholder="Workspace name"
        className="w-44 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
      />
      <button type="submit" disabled={mutation.isPending} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-70">
        Create
      </button>
      <button type="button" onClick={onDone} className="text-sm text-slate-600 underline">
        Cancel
      </button>
      {mutation.error ? (
        <span role="alert" className="text-xs text-rose-700">
          {mutation.error.message}
        </span>
      ) : null}
    </form>
  );
}
