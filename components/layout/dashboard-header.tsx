import Image from "next/image";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { WorkspaceSwitcher } from "@/components/workspaces/workspace-switcher";
import { DashboardNav } from "./dashboard-nav";

export function DashboardHeader({ email }: { email: string }) {
  return (
    <>
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl items-center justify-between gap-2 px-4 py-3 sm:gap-4">
        <div className="flex min-w-0 flex-1 items-center gap-2 sm:gap-4">
          <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight text-slate-900">
            {/* Decorative (the name beside it is the link's text); an SVG needs no resizing. */}
            <Image src="/logo.svg" alt="" width={24} height={24} unoptimized />
            HookRelay
          </Link>
          <WorkspaceSwitcher />
        </div>
        <div className="flex shrink-0 items-center gap-3 text-sm sm:min-w-0 sm:shrink">
          <span title={email} className="hidden truncate text-slate-600 sm:inline" data-testid="current-user-email">
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
