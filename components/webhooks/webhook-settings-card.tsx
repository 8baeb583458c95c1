import type { Webhook } from "@/lib/validation/webhook";
import { Card } from "@/components/ui/card";
import { settingGroups, type ServerDefaults } from "./settings-model";

/** Every per-endpoint setting with the value deliveries use and whether it is the default. */
export function WebhookSettingsCard({ webhook, defaults }: { webhook: Webhook; defaults: ServerDefaults }) {
  return (
    <Card title="Settings" description="Effective values; “default” means the webhook doesn't set it and the server's default applies.">
      <dl className="divide-y divide-slate-100">
        {settingGroups(webhook, defaults).map((group) => (
          <div key={group.title} className="grid gap-1 px-4 py-3 sm:grid-cols-[10rem_1fr]" data-setting-group={group.title}>
            <dt className="text-sm font-medium text-slate-900">{group.title}</dt>
            <dd>
              <dl className="space-y-1">
                {group.rows.map((row) => (
                  <div key={row.label} className="flex flex-wrap items-start gap-x-2 text-sm" data-setting={row.label}>
                    <dt className="min-w-[9rem] text-slate-500">{row.label}</dt>
                    <dd className="flex min-w-0 flex-1 flex-wrap items-start gap-2">
                      {row.block ? (
                        <pre className="max-h-64 max-w-full overflow-auto rounded bg-slate-50 p-2 font-mono text-xs text-slate-800">{row.value}</pre>
                      ) : (
                        <span className="break-all font-mono text-xs text-slate-800">{row.value}</span>
                      )}
                      <DefaultTag isDefault={row.isDefault} />
                    </dd>
                  </div>
                ))}
              </dl>
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

function DefaultTag({ isDefault }: { isDefault: boolean | null }) {
  if (isDefault === null) return null;
  return isDefault ? (
    <span className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-600">default</span>
  ) : (
    <span className="rounded bg-indigo-50 px-1.5 py-0.5 text-[11px] text-indigo-700">custom</span>
  );
}
