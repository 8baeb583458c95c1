import { Card } from "@/components/ui/card";

/** What a viewer sees instead of a form they could not submit (the API would answer 403). */
export function ViewerNotice({ action }: { action: string }) {
  return (
    <Card title="Read-only access">
      <p className="px-4 py-6 text-sm text-slate-600">
        Your role in this workspace is <strong>viewer</strong>: you can look at everything but not {action}. Ask an owner or admin for the admin role.
      </p>
    </Card>
  );
}
