import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { WorkspaceSwitcher } from "@/components/workspaces/workspace-switcher";
import { DashboardNav } from "./dashboard-nav";

export function DashboardHeader({ email }: { email: string }) {
  return (
    <>
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-3">
        <div className="flex min-w-0 items-center gap-4">
          <Link href="/" className="text-lg font-semibold tracking-tight text-slate-900">
            HookRelay
          </Link>
          <WorkspaceSwitcher />
        </div>
        <div className="flex min-w-0 items-center gap-3 text-sm">
          <span title={email} className="truncate text-slate-600" data-testid="current-user-email">
            {email}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
    <DashboardNav />
    </>
  );
}
