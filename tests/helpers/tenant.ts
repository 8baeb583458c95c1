// A fresh workspace and API key per test file, so tests never share state.
import { createWorkspace } from "@/lib/workspaces/service";
import { createApiKey, type Scope } from "@/lib/api/api-keys";
import { client } from "./api";

export async function newTenant(name = "Test workspace", scopes?: Scope[]) {
  const ws = await createWorkspace(name);
  const { key } = await createApiKey(ws.id, "test key", scopes);
  return { workspaceId: ws.id, key, api: client(key) };
}
