"use client";
import { useState } from "react";
import { Select } from "@/components/ui/field";
import { useCreateWorkspace, useSwitchWorkspace, useWorkspaces } from "./use-workspaces";
import { CreateWorkspaceForm } from "./create-workspace-form";

export function WorkspaceSwitcher() {
  const { data, error } = useWorkspaces();
  const switching = useSwitchWorkspace();
  const [creating, setCreating] = useState(false);
  const create = useCreateWorkspace();

  if (error) return <span className="text-xs text-rose-700">Workspaces unavailable</span>;
  if (!data) return <span className="text-xs text-slate-500">Loading…</span>;
  const active = data.find((w) => w.active);

  if (creating) {
    return <CreateWorkspaceForm mutation={create} onDone={() => setCreating(false)} />;
  }
  return (
    <span className="flex min-w-0 items-center gap-2">
      <label htmlFor="workspace-switcher" className="sr-only">
        Workspace
      </label>
      <Select
        id="workspace-switcher"
        value={active?.id ?? ""}
        disabled={switching.isPending}
        onChange={(e) => {
          if (e.target.value === "__new") setCreating(true);
          else switching.mutate(e.target.value);
        }}
        className="min-w-0 max-w-56"
      >
        {data.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name} ({w.role})
          </option>
        ))}
        <option value="__new">+ New workspace…</option>
      </Select>
    </span>
  );
}
